// Claims about defaults are checked by value: any stated default other than the real one is charged, however it
// is worded and whatever the wrong value, while true defaults, new values being set, history and denials are not.
import { describe, expect, it } from "vitest";
import type { FalseClaim, SettingDefault } from "@/lib/content/claims";
import { falseClaimsIn } from "@/lib/scoring/false-claims";
import { parseSettingDefault } from "@/lib/scoring/setting-defaults";

function settingClaim(id: string, setting: SettingDefault): FalseClaim {
  return { id, topic: "defaults", claim: `Misstates the default of ${setting.names[0]}`, correction: `${setting.names[0]} defaults to ${setting.default}.`, weight: 1, concept: [], setting, says: ["unused here"], nearMiss: ["unused here"], track: "kafka", sourcePath: "test", line: 1 };
}

const catalogue: FalseClaim[] = [
  settingClaim("session-timeout", { names: ["session.timeout.ms", "session timeout"], default: "45 s" }),
  settingClaim("retention", { names: ["retention.ms", "log.retention.hours", "retention", "keeps data"], default: "7 days" }),
  settingClaim("retention-bytes", { names: ["retention.bytes"], default: "unlimited" }),
  settingClaim("segment-bytes", { names: ["segment.bytes", "segment size"], default: "1 GiB" }),
  settingClaim("isolation", { names: ["isolation.level"], default: "read_uncommitted", values: ["read_uncommitted", "read_committed"] }),
  settingClaim("auto-commit", { names: ["enable.auto.commit", "auto commit"], default: "true" }),
  settingClaim("min-isr", { names: ["min.insync.replicas"], default: "1" }),
  settingClaim("mini-batch", { names: ["table.exec.mini-batch.enabled"], default: "false" }),
  settingClaim("standbys", { names: ["num.standby.replicas", "standby replicas"], default: "0" }),
  settingClaim("linger", { names: ["linger.ms"], default: "5 ms", except: ["streams"] }),
];
const charged = (sentence: string) => falseClaimsIn(sentence, {}, catalogue).map((hit) => hit.id);

describe("stated defaults, checked by value", () => {
  it.each([
    ["session.timeout.ms defaults to 10 seconds.", "session-timeout"],
    ["By default the session timeout is 10 s, so a dead consumer is noticed fast.", "session-timeout"],
    ["session.timeout.ms is 10000 by default.", "session-timeout"],
    ["The coordinator evicts it after session.timeout.ms (10 s by default).", "session-timeout"],
    ["The default session.timeout.ms is ten seconds.", "session-timeout"],
    ["The default for session.timeout.ms is 30s.", "session-timeout"],
    ["By default Kafka keeps data for 24 hours.", "retention"],
    ["The default retention is one day.", "retention"],
    ["log.retention.hours is 24 by default.", "retention"],
    ["By default retention is forever, so nothing is deleted.", "retention"],
    ["retention.bytes defaults to 1 GB per partition.", "retention-bytes"],
    ["The default segment size is 512 MB.", "segment-bytes"],
    ["isolation.level is read_committed out of the box, so nobody sees aborted data.", "isolation"],
    ["enable.auto.commit is false by default.", "auto-commit"],
    ["Auto commit is disabled by default.", "auto-commit"],
    ["min.insync.replicas defaults to 2.", "min-isr"],
    ["With RF=3, min.insync.replicas defaults to 2, so acks=all is safe out of the box.", "min-isr"],
    ["By default table.exec.mini-batch.enabled is true.", "mini-batch"],
    ["The default number of standby replicas is 1.", "standbys"],
    ["linger.ms defaults to 0, so batches go out at once.", "linger"],
  ])("charges %j", (sentence, id) => {
    expect(charged(sentence)).toEqual([id]);
  });

  it.each([
    "session.timeout.ms defaults to 45 seconds.",
    "session.timeout.ms is 45000 by default.",
    "The default session timeout is 45s since Kafka 3.0.",
    "I would lower session.timeout.ms from the default 45 s to 10 s.",
    "Set session.timeout.ms to 10 s instead of the default.",
    "Before Kafka 3.0 the session timeout defaulted to 10 seconds.",
    "session.timeout.ms used to default to 10 s.",
    "session.timeout.ms does not default to 10 seconds any more.",
    "Is session.timeout.ms 10 s by default?",
    "Change the default session timeout to 10 s only if your network is quiet.",
    "Kafka keeps data for 7 days by default.",
    "log.retention.hours defaults to 168.",
    "The default retention of a week is usually enough.",
    "retention.bytes is unlimited by default, so only time limits the log.",
    "retention.bytes defaults to -1, meaning no limit.",
    "The default segment size is 1 GB.",
    "isolation.level is read_uncommitted by default, so set read_committed for transactions.",
    "Auto commit is on by default, every five seconds.",
    "min.insync.replicas defaults to 1, so set it to 2 with replication factor 3.",
    "Retention is 30 days on the audit topic, the segment size stays at its default.",
    "The default partitioner hashes the key, and retention.ms is set to 3 days.",
    "Session timeout defaults are sane; heartbeat every 3 seconds.",
    "Standby replicas are off by default; set num.standby.replicas to 1 to keep a warm copy.",
    "Consumers use isolation.level=read_committed; the default is read_uncommitted.",
    "Kafka Streams sets linger.ms to 100 by default for its producers.",
  ])("leaves %j alone", (sentence) => {
    expect(charged(sentence)).toEqual([]);
  });

  it("reads units on one scale and rejects a value of another kind", () => {
    expect(charged("retention.ms defaults to 604800000.")).toEqual([]);
    expect(charged("retention.ms defaults to 168 hours.")).toEqual([]);
    // A size said of a duration setting is about something else.
    expect(charged("By default retention is 1 GB.")).toEqual([]);
  });

  it("rejects table values it cannot read", () => {
    expect(() => parseSettingDefault({ names: ["x.ms"], default: "soon" }, "x.ms")).toThrow(/not a duration/);
    expect(() => parseSettingDefault({ names: ["x"], default: "both", values: ["one", "two"] }, "x")).toThrow(/not a duration|not one of/);
    expect(parseSettingDefault({ names: ["x.ms"], default: "30000" }, "x.ms").truth).toEqual({ kind: "duration", ms: 30000 });
  });
});
