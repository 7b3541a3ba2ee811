import ArgumentParser
import CursesTerminal
import Foundation
import PlanKit
import PlanUI

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open a plan in the terminal UI (the default command).")

  @Argument(help: "The plan file to open.", completion: .file(extensions: ["json"]))
  var plan: String

  @Flag(help: "Open without the right to save.")
  var readOnly = false

  @Flag(help: "Draw the wheel with plain characters, for fonts without braille.")
  var ascii = false

  func run() throws {
    let loaded = try loadOrExit(plan)
    let session = EditSession(path: plan, loaded: loaded)
    var state = AppState(plan: loaded.plan, fileName: plan, today: today(in: loaded.plan.timeZone))
    state.asciiWheel = ascii
    state.readOnly = readOnly
    if !readOnly {
      do {
        session.lock = try PlanLock.acquire(plan)
      } catch {
        // Another arshjul has it: look, but do not write.
        state.readOnly = true
        state.readOnlyReason = error.message
      }
    }
    defer { session.lock?.release() }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal()
    } catch {
      let hint = error.notATerminal ? "; for text, try `arshjul summary \(plan)`" : ""
      throw fail("arshjul: \(error.message)\(hint)")
    }
    defer { terminal.close() }
    (state.width, state.height) = terminal.size
    normalize(&state)
    if state.readOnly, let why = state.readOnlyReason { state.notice = why }
    var pending: [Message] = []
    if session.lock != nil, let found = session.leftoverJournal() { pending.append(.recoveryFound(found)) }
    // Draw only after something happened: the read wakes a few times a
    // second to look for signals, and an idle screen needs no new frame.
    var changed = true
    while true {
      while let message = pending.first {
        pending.removeFirst()
        changed = true
        for effect in update(&state, message) {
          guard let answer = session.perform(effect) else { return }
          pending += answer
        }
      }
      if changed { terminal.draw(Screen.render(state)) }
      changed = false
      if let message = terminal.nextMessage() { pending.append(message) }
      if let signal = terminal.endingSignal {
        // Terminal closed or asked to end: the edits on screen are in the
        // journal once it is written out; the next start offers them.
        session.journal.finish()
        throw ExitCode(128 + signal)
      }
    }
  }
}

/// Carries out the UI's effects on the file system: saves, the journal,
/// reloads. It owns the lock and knows which file state the edits are on.
final class EditSession {
  let path: String
  var lock: PlanLock?
  /// The hash of the plan file as last read or written by us.
  var base: String
  let loaded: Plan

  let journal: JournalWriter

  init(path: String, loaded: LoadedPlan) {
    self.path = path
    journal = JournalWriter(path: path)
    self.loaded = loaded.plan
    base = contentHash(loaded.bytes)
  }

  /// Unsaved edits left by an earlier session; a journal that only repeats
  /// the file is dropped.
  func leftoverJournal() -> Plan? {
    guard let entry = Journal.read(for: path) else { return nil }
    if entry.plan == loaded {
      Journal.remove(for: path)
      return nil
    }
    return entry.plan
  }

  /// Runs one effect; nil means quit. The answer goes back into `update`.
  func perform(_ effect: Effect) -> [Message]? {
    switch effect {
    case .quit:
      journal.finish()
      return nil
    case .save(let plan):
      return save(plan, expecting: base)
    case .saveOverwrite(let plan):
      return save(plan, expecting: nil)
    case .saveCopy(let plan):
      let copy = copyPath()
      do {
        try AtomicFile.write(Array(plan.fileText().utf8), to: copy)
        return [.saved(copy: copy)]
      } catch {
        return [.saveFailed(error.message)]
      }
    case .writeJournal(let plan):
      guard lock != nil else { return [] }
      journal.write(plan, base: base)
      return journal.takeFailure().map { [.saveFailed("journal: " + $0)] } ?? []
    case .removeJournal:
      if lock != nil { journal.remove() }
      return []
    case .reload:
      do {
        let fresh = try PlanFile.load(path)
        base = contentHash(fresh.bytes)
        return [.reloaded(fresh.plan)]
      } catch {
        return [.saveFailed(error.lines.first ?? "cannot reload")]
      }
    }
  }

  func save(_ plan: Plan, expecting: String?) -> [Message] {
    do {
      let bytes = try PlanFile.save(plan, to: path, expecting: expecting)
      base = contentHash(bytes)
      journal.remove()
      return [.saved(copy: nil)]
    } catch {
      if error.code == .conflict { return [.saveConflict] }
      return [.saveFailed(error.message + " – the edits are kept (journal)")]
    }
  }

  /// `plan.json` → `plan.kopia-2022-03-28-0915.json`, beside it.
  func copyPath() -> String {
    let stamp = SystemClock.localStamp()
    let base = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
    var candidate = "\(base).kopia-\(stamp).json"
    var n = 2
    while FileExists.at(candidate) {
      candidate = "\(base).kopia-\(stamp)-\(n).json"
      n += 1
    }
    return candidate
  }
}

/// Writes the recovery journal off the UI thread, so an edit of a big plan
/// answers at once; the last plan asked for is the one written ("within a
/// moment"), and a removal is ordered after any write still to come.
final class JournalWriter: @unchecked Sendable {
  private let path: String
  private let queue = DispatchQueue(label: "arshjul.journal")
  private let lock = NSLock()
  private var pending: (plan: Plan, base: String)?
  private var failure: String?

  init(path: String) { self.path = path }

  func write(_ plan: Plan, base: String) {
    lock.lock()
    let scheduled = pending != nil
    pending = (plan, base)
    lock.unlock()
    guard !scheduled else { return }  // the write already queued takes the newest plan
    queue.async { [self] in
      lock.lock()
      let job = pending
      pending = nil
      lock.unlock()
      guard let job else { return }
      do {
        try Journal.write(job.plan, base: job.base, for: path)
      } catch let error as FileError {
        lock.lock()
        failure = error.message
        lock.unlock()
      } catch {}
    }
  }

  func remove() {
    lock.lock()
    pending = nil
    lock.unlock()
    queue.sync { Journal.remove(for: path) }
  }

  /// Waits for the journal to be on disk: before quitting.
  func finish() { queue.sync {} }

  func takeFailure() -> String? {
    lock.lock()
    defer { lock.unlock() }
    let f = failure
    failure = nil
    return f
  }
}
