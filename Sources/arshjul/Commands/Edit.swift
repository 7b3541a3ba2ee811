import ArgumentParser
import CursesTerminal
import Foundation
import PlanKit
import PlanStore
import PlanUI

struct Edit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Open a plan in the terminal UI (the default command).")

  @Argument(help: "The plan file to open.", completion: .file(extensions: ["json"]))
  var plan: String

  @Flag(help: "Open without the right to save.")
  var readOnly = false

  @Flag(help: "Draw the wheel with plain characters, for fonts without braille.")
  var ascii = false

  @Flag(help: "Allow saving a write-protected plan.")
  var force = false

  @Option(
    name: .customLong("layer"),
    help: ArgumentHelp(
      "Another calendar (.ics) or plan (.json) to show beside this one for this session (repeatable).",
      valueName: "source"),
    completion: .file(extensions: ["ics", "json"]))
  var layers: [String] = []

  func run() throws {
    let loaded = try loadOrExit(plan)
    let session = EditSession(path: plan, loaded: loaded, force: force)
    var state = AppState(plan: loaded.plan, fileName: plan, today: today(in: loaded.plan.timeZone))
    state.asciiWheel = ascii
    state.readOnly = readOnly
    if !readOnly && !force && PlanFile.isWriteProtected(plan) {
      // As editors do: a file without write permission opens for reading.
      state.readOnly = true
      state.readOnlyReason =
        loaded.plan.language == .sv
        ? "\(visibleName(plan)) är skrivskyddad – öppnad för läsning (chmod u+w, eller --force)"
        : "\(visibleName(plan)) is write-protected – opened read-only (chmod u+w, or --force)"
    }
    if !state.readOnly {
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
      let hint = error.notATerminal ? "; for text, try `arshjul summary \(visibleName(plan))`" : ""
      throw fail("arshjul: \(error.message)\(hint)")
    }
    defer { terminal.close() }
    (state.width, state.height) = terminal.size
    normalize(&state)
    if state.readOnly, let why = state.readOnlyReason { state.notice = why }
    var pending: [Message] = []
    if session.lock != nil {
      switch session.leftoverJournal() {
      case .none: break
      case .found(let plan, let fileChanged): pending.append(.recoveryFound(plan, fileChanged: fileChanged))
      case .unreadable(let why): state.notice = why
      }
    }
    // The layers are read beside the first frames: opening never waits for them.
    if !loaded.plan.layers.isEmpty || !layers.isEmpty {
      let (planNow, path, oneOff, inbox) = (loaded.plan, plan, layers, session.inbox)
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
          guard let answer = session.perform(effect) else { return }
          pending += answer
        }
      }
      if changed { terminal.draw(Screen.render(state)) }
      changed = false
      // A sync that finished in the background answers between keys.
      pending += session.inbox.take()
      if let message = terminal.nextMessage() {
        pending.append(message)
      } else {
        // Idle: a journal that could not be written is tried again, and
        // the date is looked at (a UI left open over midnight).
        pending += session.retryJournal()
        let now = today(in: state.plan.timeZone)
        if now != day {
          day = now
          pending.append(.newDay(now))
        }
      }
      if let signal = terminal.endingSignal {
        // Terminal closed or asked to end: the edits on screen are in the
        // journal once it is written out; the next start offers them.
        session.journal.finish()
        throw ExitCode(128 + signal)
      }
    }
  }
}
