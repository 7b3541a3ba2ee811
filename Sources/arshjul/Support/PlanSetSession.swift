import Foundation
import PlanModel
import PlanStore
import PlanUI

/// What the edit loop asks of the files behind the UI: one plan's
/// `EditSession`, or several plans' `PlanSetSession`.
protocol EditEffects: AnyObject {
  var inbox: Inbox { get }
  /// Runs one effect; nil means quit.
  func perform(_ effect: Effect) -> [Message]?
  func retryJournal() -> [Message]
  /// The terminal is going: the journals written out.
  func finishJournals()
}

extension EditSession: EditEffects {
  func finishJournals() { journal.finish() }
}

/// Several plans edited as one (issue 29): the UI edits `set.combined`,
/// and every effect is carried out per plan on the plan's own session
/// (its lock, its journal, its compare-and-save), with the part of the
/// combined plan that is that plan's (`PlanSet.split`). A plan whose part
/// did not change is not written.
final class PlanSetSession: EditEffects {
  var set: PlanSet
  let sessions: [EditSession]
  /// Each plan as last saved (or read): a part equal to it is not written.
  var onDisk: [Plan]
  let inbox = Inbox()
  let language: Language

  init(set: PlanSet, sessions: [EditSession]) {
    self.set = set
    self.sessions = sessions
    onDisk = set.members
    language = set.combined.language
  }

  func perform(_ effect: Effect) -> [Message]? {
    switch effect {
    case .quit:
      finishJournals()
      return nil
    case .save(let plan): return save(plan, expecting: true)
    case .saveOverwrite(let plan): return save(plan, expecting: false)
    case .saveCopy(let plan):
      var copies: [String] = []
      for (i, part) in set.split(plan).enumerated() where part != onDisk[i] {
        for m in sessions[i].perform(.saveCopy(part)) ?? [] {
          switch m {
          case .saved(let copy?): copies.append(copy)
          case .saveFailed: return [m]
          default: break
          }
        }
      }
      return [.saved(copy: copies.isEmpty ? nil : copies.joined(separator: ", "))]
    case .writeJournal(let plan):
      var out: [Message] = []
      for (i, part) in set.split(plan).enumerated() {
        out += sessions[i].perform(part == onDisk[i] ? .removeJournal : .writeJournal(part)) ?? []
      }
      return out
    case .removeJournal:
      return sessions.flatMap { $0.perform(.removeJournal) ?? [] }
    case .reload:
      var fresh: [Plan] = []
      for s in sessions {
        guard let m = s.perform(.reload)?.first, case .reloaded(let p) = m else {
          return [.saveFailed(SessionWords(language).plansNotReread)]
        }
        fresh.append(p)
      }
      onDisk = fresh
      set = PlanSet(fresh, today: SystemClock.today(in: set.combined.timeZone))
      return [.reloaded(set.combined)]
    case .rollOver:
      return [
        .notice(SessionWords(language).rollOverAlone)
      ]
    case .sync:
      return [
        .syncFinished(
          SyncOutcome(
            plan: nil, sent: 0, received: 0, conflicts: 0,
            failure: SessionWords(language).syncAlone))
      ]
    case .journalRestored, .keepSyncState:
      return []
    }
  }

  /// Each changed plan saved on its own; the UI hears "saved" once all
  /// went through, or what failed (the plans that were saved stay saved).
  func save(_ plan: Plan, expecting: Bool) -> [Message] {
    var failures: [String] = []
    for (i, part) in set.split(plan).enumerated() where part != onDisk[i] {
      for m in sessions[i].perform(expecting ? .save(part) : .saveOverwrite(part)) ?? [] {
        switch m {
        case .saved: onDisk[i] = part
        case .saveConflict: return [.saveConflict]
        case .saveFailed(let why): failures.append(visibleName(sessions[i].path) + ": " + why)
        default: break
        }
      }
    }
    return failures.isEmpty ? [.saved(copy: nil)] : [.saveFailed(failures.joined(separator: "; "))]
  }

  func retryJournal() -> [Message] { sessions.flatMap { $0.retryJournal() } }

  func finishJournals() { sessions.forEach { $0.journal.finish() } }
}
