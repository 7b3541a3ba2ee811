import ArgumentParser
import CursesTerminal
import Foundation
import PlanFormats
import PlanModel
import PlanStore
import PlanUI

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Open a plan in the terminal UI (the default command).")

  @Argument(
    help: "The plan file to open; several open as one (a project's years, or a unit's projects).",
    completion: .file(extensions: ["json"]))
  var plans: [String]

  @Flag(help: "Open without the right to save.")
  var readOnly = false

  @Flag(help: "Draw the wheel with plain characters, for fonts without braille.")
  var ascii = false

  @Flag(help: "Allow saving a write-protected plan.")
  var force = false

  @OptionGroup var layers: OneOffLayers

  func validate() throws {
    if plans.isEmpty { throw fail("arshjul: give a plan file to open (arshjul new PLAN --title T makes one)") }
  }

  func run() throws {
    let plan = plans[0]
    let all = try loadAllOrExit(plans)
    let loaded = all[0]
    let sessions = zip(plans, all).map { EditSession(path: $0, loaded: $1, force: force) }
    let session = sessions[0]
    // Several plans: one combined plan on screen, each file its own session.
    var planSet: PlanSet?
    if plans.count > 1 {
      if let why = PlanSet.problem(all.map(\.plan)) { throw fail("arshjul: \(why)") }
      planSet = PlanSet(all.map(\.plan), today: today(in: loaded.plan.timeZone))
    }
    let shown = planSet?.combined ?? loaded.plan
    let name = plans.count > 1 ? plans.map { ($0 as NSString).lastPathComponent }.joined(separator: " + ") : plan
    var state = AppState(plan: shown, fileName: name, today: today(in: loaded.plan.timeZone))
    state.asciiWheel = ascii
    state.readOnly = readOnly
    if let set = planSet { state.span = set.span }
    let words = SessionWords(loaded.plan.language)
    if !readOnly && !force, let locked = plans.first(where: PlanFile.isWriteProtected) {
      // As editors do: a file without write permission opens for reading.
      state.readOnly = true
      state.readOnlyReason = words.writeProtected(visibleName(locked))
    }
    if !state.readOnly {
      do {
        for s in sessions { s.lock = try PlanLock.acquire(s.path) }
      } catch {
        // Another arshjul has one of them: look, but do not write.
        for s in sessions {
          s.lock?.release()
          s.lock = nil
        }
        state.readOnly = true
        state.readOnlyReason = error.message
      }
    }
    defer { sessions.forEach { $0.lock?.release() } }
    let effects: EditEffects = planSet.map { PlanSetSession(set: $0, sessions: sessions) } ?? session
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal()
    } catch {
      let hint = error.notATerminal ? "; for text, try `arshjul summary \(visibleName(plan))`" : ""
      throw fail("arshjul: \(error.message)\(hint)")
    }
    defer { terminal.close() }
    (state.width, state.height) = terminal.size
    normalize(&state)
    if state.readOnly, let why = state.readOnlyReason { state.notice = why }
    var pending: [Message] = []
    if planSet == nil, session.lock != nil {
      switch session.leftoverJournal() {
      case .none: break
      case .found(let plan, let fileChanged): pending.append(.recoveryFound(plan, fileChanged: fileChanged))
      case .unreadable(let why): state.notice = why
      }
    } else if planSet != nil, session.lock != nil {
      // Unsaved edits of one plan are restored where that plan is alone:
      // the first plan with a journal opens them all read-only, and says so.
      let leftover = sessions.first { s in
        if case .none = s.leftoverJournal() { return false }
        return true
      }
      if let s = leftover {
        state.readOnly = true
        state.readOnlyReason = words.unsavedFromLastTime(visibleName(s.path))
        state.notice = state.readOnlyReason
        sessions.forEach {
          $0.lock?.release()
          $0.lock = nil
        }
      }
    }
    // The layers are read beside the first frames: opening never waits for them.
    if !shown.layers.isEmpty || !layers.sources.isEmpty {
      let (planNow, path, oneOff, inbox) = (shown, plan, layers.sources, effects.inbox)
      Thread.detachNewThread {
        // The copies at hand first (files, feeds' cached copies); then the
        // feeds are asked for anything newer, and the layers come again.
        inbox.post(.layersRead(Layer.readAll(of: planNow, at: path, oneOff: oneOff)))
        let feeds = planNow.layers.filter(\.isFeed).map(\.source) + oneOff.filter(PlanLayer.isFeed)
        guard !feeds.isEmpty else { return }
        for url in feeds { _ = Feeds.refresh(url, for: planNow) }
        inbox.post(.layersRead(Layer.readAll(of: planNow, at: path, oneOff: oneOff)))
      }
    }
    var day = state.today
    // Draw only after something happened: the read wakes a few times a
    // second to look for signals, and an idle screen needs no new frame.
    var changed = true
    while true {
      while let message = pending.first {
        pending.removeFirst()
        changed = true
        for effect in update(&state, message) {
          guard let answer = effects.perform(effect) else { return }
          pending += answer
        }
      }
      if changed { terminal.draw(Screen.render(state)) }
      changed = false
      // A sync that finished in the background answers between keys.
      pending += effects.inbox.take()
      if let message = terminal.nextMessage() {
        pending.append(message)
      } else {
        // Idle: a journal that could not be written is tried again, and
        // the date is looked at (a UI left open over midnight).
        pending += effects.retryJournal()
        let now = today(in: state.plan.timeZone)
        if now != day {
          day = now
          pending.append(.newDay(now))
        }
      }
      if let signal = terminal.endingSignal {
        // Terminal closed or asked to end: the edits on screen are in the
        // journal once it is written out; the next start offers them.
        effects.finishJournals()
        throw ExitCode(128 + signal)
      }
    }
  }
}
