// Where an answer names a practice only to wave it away.
//
// "Compaction? I'd stay away from it." "Rack awareness isn't worth the bother." "Exactly-once is overkill."
// Each names the right term, and none of them claims what the rubric point asks for: a sentence that
// dismisses, avoids or belittles a practice never earns the point for it. Negation (negation.ts) covers
// "not", "never", "without"; this module covers the candidate's stance:
//
//  - forward dismissals: "I'd avoid X", "skip X", "stay away from X", "don't bother with X", "no need for
//    X", "X is something you can forget": the words after the cue, up to the next strong break or a word
//    that turns to what the candidate would do instead ("…and just use Y"), even across commas, because
//    dismissals come in lists ("I'd skip compaction, transactions and rack awareness").
//  - backward dismissals: "X is overkill", "X isn't worth it", "X doesn't really matter", "X only makes
//    things harder": the words before the predicate, back to the start of its clause; back to the previous
//    strong break when the clause opens with a summary word ("…, all overkill", "…; both are pointless").
//  - verdicts and asides a fluent speaker uses: "X is a tax / a rabbit hole / a luxury / paranoia", "X just gets
//    in the way", "X only matters at Netflix scale", "the kind of thing people add to feel safe", "looks good on a
//    slide", "one more thing to go wrong", "a solution in search of a problem", "who cares", "not for us", a
//    relative clause that refuses it ("X is a knob I'd never touch", "a luxury we don't need"), a negated use
//    aimed at a pronoun ("…, so we don't use them", "I'd never add one"), a preference that passes it over
//    ("I'd pick Y over X", "we'd rather retry than bother with X"), a config value that switches it off
//    ("we set X=0", "set X to none", "left at its default, i.e. off"). A verdict overturned in the same
//    sentence ("a tax, but one well worth paying") stands for nothing.
//  - a dismissal aimed at a pronoun ("stay away from it", "it just adds complexity") reaches back to what the
//    pronoun stands for: a short or questioning previous sentence ("Compaction?"), else the previous clause.
//
// Verbs that also describe mechanisms ("idempotence avoids duplicates", "consumers skip aborted records")
// count only as the candidate's own stance: after I / we / you / one (with a modal: "I'd", "we would",
// "you can"), or as an imperative opening a sentence.
import { NEGATING_WORDS } from "./negation";
import { allMatches, type AnalysedText, joinTokens } from "./normalise";
import { needIndexFor, type NeedIndex } from "./regex-needs";

/**
 * The dismissal mask holds LOOKS_FORWARD for words after a cue ("I'd avoid X", "no need for X") and
 * LOOKS_BACK for words a later predicate or pronoun waves away ("X is overkill", "…, but that is pointless").
 * A phrase that itself states an absence ("never remov*") shrugs off the first kind, never the second.
 */
export const LOOKS_FORWARD = 1;
export const LOOKS_BACK = 2;

/** How many words a forward dismissal reaches. */
export const DISMISSAL_WINDOW = 12;

const STANCE_SUBJECT = "(?:i|we|you|id|wed|youd|ive|weve|youve|im|ill|one|people|teams|they|the team|our team)";
const MODAL = "(?:would|should|could|can|will|might|d|usually|always|generally|just|really|honestly|probably|definitely|personally|simply|mostly|rather|even|then|eventually|deliberately|quickly|somewhat|also|actually|already|finally|frankly|ll|ve|have|had|am|m|happily|gladly)";
/** Verbs that dismiss only as the candidate's own stance (they also describe mechanisms: "consumers skip aborted records"). */
const STANCE_VERBS = "(?:went back from|going back from|moved back from|switched back from|reverted from|rolled back from|migrated off|migrated away from|decided against|decide against|chose against|opted against|came down against|stay out of|stayed out of|stay clear of|stay clear|stayed clear|keep clear of|leave unset|left unset|leave alone|left alone|rather not deal with|not deal with|never deal with|avoid|avoiding|skip|skipping|forget about|forget|ignore|ignoring|leave out|not bother with|not bother|never bother with|push back on|pushing back on|hold off on|holding off on|stopped bothering with|stop bothering with|stopped using|stop using|stopped doing|stop doing|pass on|do without|go without|stay off|rather not use|rather not|wouldnt go near|would not go near|never go near|not go near|wouldnt touch|would not touch|not touch|drop|dropping|dropped|ditch|ditching|ditched|rip out|ripped out|get away from|move away from|moved off|move off|steer away from|turn off|turned off|switch off|switched off|disable|disabled|remove|removed|pull out|pulled out|took out|take out|decommissioned|abandoned|killed|got rid of|opt out of|opting out of|opted out of|rejected|ruled out|shelve|shelved|park|parked|table|defer|deferred|postpone|postponed|put off|argue against|argued against|pushed back on|pushed back|vote against|voted against|veto|vetoed|talked them out of|talk them out of|never switched on|never turned on|never enabled|never configured|never set up|never bothered with|wouldnt go there|would not go there|wouldnt bother|give it a miss|give them a miss|leave it off|leave them off|leave it alone|leave them alone|leave well alone|took them out|took it out|pulled them out|pulled it out|turned it off|turned them off|switched it off|switched them off|ripped it out|ripped them out|dont configure|never configure|dont set|dont take|dont touch|wouldnt touch|would not touch|never bothered turning on|never bothered with|never bothered|said no|say no|stopped setting|stop setting|stopped committing|doubt|doubt that|am skeptical of|am skeptical that|am sceptical of|am sceptical that|im skeptical of|im skeptical that|im sceptical of|im sceptical that|not convinced|am not convinced|im not convinced|suspect)";
/** Phrases that dismiss wherever they stand. */
const ANYWHERE_FORWARD = [
  "stay away from", "stayed away from", "steer clear of", "keep away from", "get rid of", "do away with",
  "wouldnt bother with", "wouldnt bother", "dont bother with", "dont bother", "didnt bother with", "never bother with",
  "no need for", "no need to", "no real need for", "no real need to", "dont need", "dont really need", "wouldnt need", "never need", "doesnt need", "dont even need",
  "not worth using", "not worth adding", "not worth turning on", "not worth enabling", "not worth the effort of", "not worth bothering with",
  "overkill to", "pointless to", "unnecessary to", "a waste of time to", "a waste to", "waste of time to", "no point in", "no point using", "no point adding",
  "can safely ignore", "can ignore", "can just ignore", "may ignore", "safe to ignore",
  "you can forget about", "you can forget", "forget about",
  "no reason to", "no reason for", "nobody needs", "no one needs", "hardly anyone needs", "rarely need", "seldom need",
  "steer teams away from", "steer people away from", "steer clients away from", "steer us away from", "talk teams out of", "talk people out of",
  "dont do", "dont use", "dont want", "never use", "never do", "not do", "dont run", "dont set", "dont take", "dont bother",
  "a hard pass on", "hard pass on", "no thanks to", "no to",
  // "we'd rather just retry than bother with X", "keep well away from X"
  "than bother with", "than deal with", "than worry about", "than mess with", "than mess about with", "than fiddle with", "than pay for",
  "keep well away from", "stay well away from", "stay well clear of", "steer well clear of", "stay clear of", "keep clear of",
];

/** Predicates that dismiss what comes before them in their clause. */
const BACKWARD = [
  // "X is overkill", "X is way overrated", "X is just hype"
  "(?:is|are|s|was|were|seems|seem|sounds|sound|feels|feel|being|be|mostly|largely|totally|pretty much)? ?(?:just |mostly |usually |really |totally |completely |pure |purely |a bit |bit |way |kind of |largely |massive |complete |often |simply |honestly |basically |generally |an )?(?:overkill|overrated|unnecessary|pointless|useless|over engineering|overengineering|over engineered|overengineered|hype|hyped|a gimmick|gimmick|a waste|waste of time|academic|theoretical|cargo cult|a nice to have|nice to have|optional)\\b",
  // "X isn't worth it", "X is not really needed", "X is hardly ever a problem"
  "(?:isnt|arent|is not|are not|wasnt|not|never|hardly|rarely|hardly ever|seldom|aint|doesnt seem|dont seem) (?:really |that |very |all that |even |ever |actually |particularly |strictly |usually )?(?:worth|needed|necessary|required|important|useful|helpful|relevant|a problem|an issue|a concern|a big deal|a real problem|a real issue|a real concern|something to worry about|something you need|something i would|a thing)\\b",
  // "X doesn't really matter", "X never helps", "X won't buy you anything"
  "(?:doesnt|dont|does not|do not|wont|will not|rarely|hardly|never|didnt) (?:really |actually |even |usually |ever |much )?(?:matter|matters|help|helps|add much|adds much|buy you much|buy you anything|buys you much|buys you anything|change anything|changes anything|make a difference|makes a difference|make much difference|makes much difference)\\b",
  // "X only makes things harder", "X just adds complexity"
  "(?:only|just|merely|mostly|simply) (?:make|makes|made|making|add|adds|added|adding|bring|brings|cause|causes|create|creates|slow|slows) (?:things |it |everything |life |your life |the system |the pipeline |you )?(?:harder|complicated|more complicated|complex|more complex|worse|slower|complexity|overhead|latency|headaches|headache|pain|noise|trouble|problems|bugs|confusion|down)\\b",
  "more (?:\\w+ ){0,2}than (?:its|it is|they are|theyre|thats) worth",
  "(?:is|are|s|was|were|feels|sounds|seems)? ?(?:just |mostly |largely |totally |completely |really |way |a bit |pretty )?(?:oversold|overhyped|overblown|busywork|busy work|false precision|premature optimi[sz]ation|a distraction|theatre|theater|noise|bloat|ceremony|an antipattern|an anti pattern|a red herring|a crutch)\\b",
  "(?:can|should|could|may) (?:be )?(?:safely |just |usually |mostly )?(?:be )?(?:ignored|skipped|dropped|left out|turned off|switched off|avoided)\\b",
  // "X doesn't pay for itself", "X is a recipe for trouble", "X sounds nice in theory"
  "(?:doesnt|dont|does not|do not|wont|will not|never|rarely) (?:really |think |believe )*(?:it |they |this |that |these )?(?:really )?pays? (?:for (?:itself|themselves)|off)\\b",
  "(?:is|are|s) (?:a |just a )?recipe for\\b",
  // "X is marketing", "X is a faff", "X, meh", "X is a solution looking for a problem", "X just causes outages"
  "(?:is|are|s|was|were|feels|feel|seems|seem|sounds|sound)? ?(?:just |pure |mostly |largely |basically |honestly |a bit of |a |an |such a |a real |a total |a right |a big )*(?:marketing|vanity metric|nothingburger|faff|hassle|headache|nightmare|band aid|bandaid|fiddly|too fiddly|overcomplicated|over complicated|solution looking for a problem|wasted effort|wasteful|waste of (?:time|money|effort|cpu|disk|resources|storage)|hard pass|pain|chore|snake oil|phase (?:2|two|3|three) thing|nice idea on paper|nice in theory|on the someday list|someday list)\\b",
  "(?:just |only |mostly )?(?:causes|cause|creates|create|brings|bring|adds|add|gives|give) (?:you |us )?(?:outages|outage|problems|trouble|pain|headaches|noise|lag|latency|overhead|cost|complexity|duplicates)\\b",
  "(?:for nothing|for no reason|for no good reason|if ever|can wait|could wait|will wait|can come later|is for later|for later)\\b",
  "(?:doesnt|dont|does not|do not|never|not) (?:really )?earn (?:its|their) keep\\b",
  "(?:is|are|s|was|were|has been|have been|got|get|gets|been) (?:quietly |deliberately |eventually |later |since )?(?:switched off|turned off|disabled|removed|ripped out|dropped|ruled out|rejected|shelved|decommissioned|abandoned|taken out|pulled out|parked|deferred|postponed|put on hold|killed)\\b",
  "(?:is|are|was|were|s|set to|left at|left|kept|stays|stay|stayed)? ?(?:false|disabled)\\b",
  "(?:is|are|was|were|left|kept|stays|stay|stayed|set) off\\b",
  "(?:meh|nah|yeah no|nope|no thanks)\\b",
  "(?:is|are|s)? ?(?:too much (?:code|work|effort|hassle|overhead|ceremony)|too slow|too fiddly|too expensive|too complex|too complicated|a lot of work for|guesswork|a cost (?:we|id|i|youd) (?:would )?rather not pay|one of those features nobody|something for banks|not a priority|never been (?:considered )?a priority|all a bit much|a bit much)\\b",
  "(?:nobody|no one|hardly anyone) (?:actually |really |ever )?(?:needs|uses|wants|reads)\\b",
  "(?:none|neither) of (?:that|this|it|them|those) (?:matters|is needed|is worth)\\b",
  "^(?:i|we) (?:d |would )?(?:probably |just |honestly |really |like )*(?:wouldnt|would not|dont|do not|wont|will not|not)(?: though| personally| really| do that| bother)?$",
  "(?:we|i) (?:wouldnt|would not|dont|do not|wont|will not)(?: though| personally)?$",
  "(?:sounds|sound|looks|look|is|are) (?:nice|good|great|clever|elegant|neat|impressive|fine) (?:on paper|in theory|in (?:conference )?talks|in blog posts|in slides)\\b",
  "(?:is|are) (?:an? )?(?:elegant|clever|nice|neat|cute) (?:idea|ideas|trick|tricks|feature|features|concept|concepts) but\\b",
  "(?:is|are|s) (?:something|one thing|a thing|stuff) (?:i|we|you|id|youd|wed) (?:would |d |can |could |should |just |usually |always )*(?:avoid|skip|ignore|forget|not bother with|never use|never bother with|stay away from|leave off|leave out|turn off|switch off|disable|drop|rip out)\\b",
  // "X is a tax", "X is a rabbit hole", "X is bureaucracy", "X is paranoia", "X is a luxury", "X is overthinking it"
  "(?:is|are|s|was|were|feels|feel|seems|seem|sounds|sound|looks|look|becomes|become) (?:just |pure |mostly |honestly |basically |really |largely |a bit of |a |an |such a |a real |a total |a huge |a big |an absolute |an expensive |a pure |a hidden |a needless |an unnecessary )*(?:tax|rabbit hole|bureaucracy|red tape|paperwork|toy|relic|paranoia|paranoid|luxury|placebo|security blanket|comfort blanket|security theatre|security theater|belt and braces|belt and suspenders|overthinking|over thinking|friction|overhead|extra overhead)\\b",
  // "X is the kind of thing people add to feel safe"
  "to feel (?:safe|safer|clever|smart|good|better|busy|productive|important|reassured|covered|in control|grown up|enterprisey)\\b",
  // "X only matters at Netflix scale", "X only makes sense for banks" (not "only matters when acks=all", a mechanism)
  "only (?:really |ever )?(?:matters|matter|makes sense|make sense|pays off|pay off|earns its keep) (?:at (?:\\w+ ){0,2}scale|for (?:banks|the big (?:guys|players|boys|shops)|big tech|huge (?:companies|shops|orgs|teams)|massive (?:companies|shops|orgs)|hyperscalers|netflix|google|linkedin|uber)|if (?:youre|you are|you re) (?:netflix|google|linkedin|uber|a bank|huge|massive|enormous|at (?:\\w+ ){0,2}scale))\\b",
  "(?:netflix|google|linkedin|uber|facebook|meta|amazon|big tech|faang|hyperscaler|hyperscale|internet|web) scale (?:problem|problems|thing|things|concern|concerns|feature|features)\\b",
  // "X just gets in the way" (not "gets in the way only if / unless…", a condition)
  "(?:just |only |really |mostly |always )?(?:gets|get|got|getting) in the way\\b(?! only| unless| if| when)",
  // "X just complicates everything", "X just burns CPU"
  "(?:only|just|merely|simply|mostly) (?:complicates?|complicated|clutters?|cluttered|bloats?|bloated)\\b",
  "(?:only|just|merely|simply|mostly) (?:burns?|wastes?|eats?) (?:\\w+ )?(?:cpu|memory|disk|money|cycles|resources|time|budget)\\b",
  // "…for no real gain", "…for little benefit"
  "for (?:no|little|zero|minimal|marginal|hardly any) (?:real |actual |practical |measurable )?(?:gain|gains|benefit|benefits|value|payoff|upside)\\b",
  // "X is more risk than benefit"
  "more (?:risk|trouble|pain|cost|hassle|work|overhead|complexity|effort|downside|risk of breakage) than (?:benefit|value|good|gain|upside|payoff)\\b",
  // "we keep them off", "left it unset"
  "(?:keep|leave|kept|left|keeping|leaving) (?:it|them|those|these) (?:off|disabled|unset|out)\\b",
  // "X is a knob I'd never touch", "X is a constraint I'd rather not deal with", "X is a luxury we don't need"
  "(?:is|are|s) (?:just )?(?:something |stuff |(?:a|an|one|1|the) (?:\\w+ ){1,3}?|(?:(?!so |because |and |but |if |when |since |then |as |means |on |off |enabled |set |not |no )\\w+ ){1,4}?)(?:that |which )?(?:i|we|you|id|wed|youd|ill|ive|weve|people|teams) (?:would |d |can |could |should |just |usually |always |happily |gladly |really |honestly |personally |simply |probably |ever )*(?:(?:never|not|dont|do not|wouldnt|would not|rather not|wont|will not|cant be bothered to|didnt) (?:even |ever |really |actually |usually )?(?:had to |needed to |have to |need to |bothered to )?(?:touch|turn|change|tune|use|set|add|need|bother with|deal with|enable|turn on|configure|recommend|go near|want|miss|care about|worry about)|leave unset|leave off|leave out|happily ignore|stay out of|stay away from|steer clear of|stay clear of|avoid|skip|ignore|rip out|switch off|turn off)\\b",
  // "X? In practice nobody does it"
  "(?:nobody|no one|hardly anyone) (?:actually |really |ever )?(?:does|bothers|cares|misses|missed|looks at|turns on|sets|configures)\\b",
  // "X is one more thing to go wrong"
  "(?:one more|1 more|another|yet another|just another|one extra|1 extra|an extra) (?:thing|moving part|knob|component|dependency|layer|system|failure mode|point of failure|thing to tune) (?:to (?:go wrong|break|maintain|babysit|worry about|manage|get wrong|fail|operate)|that can (?:go wrong|break|fail))\\b",
  // "X is way too immature", "X is too clever"
  "(?:is|are|s|feels|feel|seems|seem|still) (?:way |far |much |just |still |a bit |a little |simply )?too (?:immature|new|young|risky|early|bleeding edge|experimental|clever|heavy|heavyweight|unproven|niche|exotic)\\b",
  // "X looks good on a slide", "X sounds great in a demo"
  "(?:looks|look|sounds|sound|is|are|seems|seem) (?:nice |good |great |clever |impressive |fine |lovely |cool )?(?:on a slide|on slides|on a whiteboard|in a demo|in demos|on a diagram|in a diagram|on a resume|on a cv|on an architecture diagram|in an architecture diagram|in a slide deck)\\b",
  // "DLQs are where messages go to die"
  "(?:is|are|s) where (?:\\w+ ){0,3}(?:go|goes|went) to die\\b",
  // "leave X at its default, i.e. off"
  "(?:at|on) (?:its|their|the) defaults? (?:ie|i e|which is|meaning|so|that is|aka) (?:off|1|one|0|zero|none|false|disabled|nothing|unset|empty)\\b",
  // "X is solving a problem nobody has", "X is a solution in search of a problem"
  "(?:solving|solves|solve|solved|fixes|fixing|fix) (?:a |the )?problems? (?:that )?(?:nobody|no one|we dont|i dont|we never|you dont|you never|most teams dont|we do not) (?:here |really |actually |ever |even )?(?:has|have|had)\\b",
  "(?:a )?solutions? (?:in search of|looking for|searching for) (?:a )?problems?\\b",
  // "X is way more machinery than we need"
  "more (?:\\w+ ){0,2}than (?:we|you|i|most teams|most people|anyone|anybody) (?:really |actually |will ever |ever |would ever )?(?:need|needs|want|wants)\\b",
  // "X is just extra moving parts"
  "(?:just |only |yet )?(?:extra|more|another|additional|one more|1 more) moving parts?\\b",
  // "X is a premature worry"
  "(?:is|are|s|feels|feel|seems|seem|sounds|sound) (?:a |an |just |way |very |so |totally |pretty )*premature\\b",
  // "X burns money", "X wastes disk"
  "(?:burns?|burning|wastes?|wasting|throws? away|throwing away) (?:good |our |your |a lot of |lots of )?money\\b",
  "(?:wastes?|wasting) (?:\\w+ )?(?:cpu|memory|disk|cycles|resources|time|budget|bandwidth)\\b",
  // "…for a failover that never happens"
  "(?:that|which) (?:never|rarely|basically never|almost never|hardly ever) (?:happens|happen|comes|occurs|occur|materiali[sz]es)\\b",
  // "X, I mean, who cares", "X? Not for us"
  "(?:who|nobody|no one) (?:really |actually )?cares\\b",
  "not for (?:us|me|our team|my team|our use case|our scale)\\b",
  "(?:were|we are|im|i am|youre|you are) not (?:one of those|1 of those|that big|at that scale|netflix|google|linkedin|uber|a bank)\\b",
  // "X is the last thing I'd worry about"
  "the last thing (?:i|we|you|id|wed|youd|ill|anyone) (?:would |d |should |will |ll |need to |want to |ever )*(?:worry about|care about|need|think about|reach for|add|touch|do|bother with|want)\\b",
  // "X is a made-up problem", "X is a non-issue"
  "(?:made up|imaginary|invented|fake|theoretical|hypothetical|non) (?:problem|issue|concern|risk)s?\\b",
  "(?:nonissue|non issue|non problem|nonproblem)\\b",
  // "X adds complexity nobody asked for"
  "(?:nobody|no one) (?:\\w+ )?asked for\\b",
];
/** Predicates that wave away only what a pronoun in them stands for ("…, so we don't use them", "I'd never add one"). */
const PRONOUN_BACKWARD = [
  // "X? … we don't use them", "I'd never add one", "I don't think about it": a negated use aimed at a pronoun
  "(?:i|we|id|wed|ive|weve) (?:would |d |really |just |honestly |personally |simply |probably |even )*(?:dont|do not|never|wont|will not|wouldnt|would not|didnt|did not|ve never|have never) (?:even |really |actually |ever |usually )?(?:use|used|need|needed|run|set|enable|enabled|want|configure|configured|touch|take|add|added|have|miss|missed|turn on|turned on|care about|bother with) (?:it|them|one|1|those|these|that)\\b",
];
/** Forward cues written as patterns: the words after them are waved away. */
const FORWARD_PATTERNS = [
  // "at_least_once is what I'd pick over exactly-once": what is passed over
  "(?:pick|picks|picked|choose|chooses|chose|prefer|prefers|preferred|favour|favor|favoured|favored)(?: (?!not |never )\\w+){0,6}? over",
  // "we set num.standby.replicas=0", "set the grace period to zero", "set compression.type=none": a practice switched off
  "set(?= (?:(?!not |never |rather |instead |than |but |and )\\w+ ){1,4}(?:to )?(?:0|zero|none|false|off|disabled)\\b)",
  // "we'd rather eat the occasional duplicate than run transactions"
  "(?:id|wed|youd|i would|we would|you would|i d|we d) (?:much |just |honestly |really )?rather (?:(?!not )\\w+ ){1,6}?than",
  // "the less you lean on X, the better"
  "the (?:less|fewer) (?:you|we|one|i|teams|people) (?:\\w+ )?(?:lean on|rely on|use|touch|depend on|need|have|bother with|deal with)",
];
/** A clause opening with one of these sums up what came before it ("…, all overkill"; "…; it's pointless"). */
const SUMMARY_WORDS = new Set(["all", "both", "each", "it", "its", "they", "theyre", "these", "those", "that", "thats", "this", "which", "everything", "none", "them"]);
const PRONOUNS = new Set(["it", "them", "that", "this", "those", "these", "its", "they", "theyre", "thats", "one"]);
/** Words that turn from what the candidate dismisses to what they would do instead. */
const PIVOT_WORDS = new Set(["by", "via", "use", "using", "enable", "prefer", "choose", "pick", "rely", "go", "set", "keep", "stick", "want", "instead", "just", "rather", "but", "because", "since", "so"]);
/** Words a speaker puts before the subject ("honestly, that is overkill"). */
const FILLERS = new Set(["honestly", "frankly", "really", "just", "basically", "personally", "imo", "imho", "tbh", "actually", "realistically", "so", "well", "and", "in", "my", "opinion", "experience", "practice"]);
/** Conjunctions that open a clause without being its subject ("…, but it only makes things harder"). */
const CONJUNCTIONS = new Set(["but", "and", "so", "because", "though", "although", "however", "yet", "since", "as"]);
/** Words that break a sentence's statements for negation, but not for what "that" points back to ("X instead of Y, but that…"). */
const SOFT_BREAKS = new Set(["instead", "actually", "though", "although"]);
/** Words that may trail a dismissal without being its object ("X I'd avoid as well", "…skip it entirely"). */
const TRAILING_FILLERS = new Set(["as", "well", "too", "also", "entirely", "altogether", "completely", "personally", "honestly", "if", "i", "can", "now", "anyway", "either", "here", "then", "really", "for", "us", "frankly", "though", "again", "for", "now", "indefinitely", "forever", "probably", "and", "won", "the", "argument", "it"]);
/** Words that deny the dismissal right after them ("not overkill"). */
const NEGATORS = new Set(["not", "never", "isnt", "arent", "hardly"]);
/** How short a sentence is when a pronoun in the next one may stand for all of it ("Compaction?"). */
const SHORT_SENTENCE = 8;

/** Words after "is off" / "disabled" / "false" that make it a description of a default ("off by default", "off unless"). */
const DEFAULT_QUALIFIERS = new Set(["unless", "until", "except"]);

function describesDefault(tokens: AnalysedText["tokens"], at: number, end: number): boolean {
  const next = tokens[at]?.n;
  if (at >= end || next === undefined) return false;
  if (DEFAULT_QUALIFIERS.has(next)) return true;
  // "out of the box" reaches here as "by default" (normalise.ts).
  return next === "by" && tokens[at + 1]?.n === "default" && at + 1 < end;
}

interface Compiled {
  re: RegExp;
  direction: "forward" | "backward";
  stance?: boolean;
  /** Waves away only what a pronoun in it stands for. */
  pronounOnly?: boolean;
}

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const COMPILED: Compiled[] = [
  { re: new RegExp(`\\b(?:${STANCE_SUBJECT} (?:${MODAL} )*(?:not |never )?)?${STANCE_VERBS}\\b`, "g"), direction: "forward", stance: true },
  { re: new RegExp(`\\b(?:${ANYWHERE_FORWARD.map(escape).join("|")})\\b`, "g"), direction: "forward" },
  ...FORWARD_PATTERNS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "forward" })),
  ...BACKWARD.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward" })),
  ...PRONOUN_BACKWARD.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", pronounOnly: true })),
];
/** The expressions in order: what regex-needs.ts indexes, and what its tests check the needs against. */
export const STANCE_EXPRESSIONS: readonly RegExp[] = COMPILED.map(({ re }) => re);

let compiledNeeds: NeedIndex | undefined;
/** What each of COMPILED needs among an answer's words, worked out on first use (once per process). */
const needsOfCompiled = (): NeedIndex => (compiledNeeds ??= needIndexFor(STANCE_EXPRESSIONS));
/** Cues the first filter below does not hold. */
const MORE_CUES = /tax|rabbit|bureaucr|red tape|paperwork|toy|relic|parano|luxury|placebo|blanket|overthink|over think|friction|overhead|feel|matter|sense|scale|way|clutter|bloat|burn|eat|gain|benefit|value|payoff|upside|risk|never|didnt|another|extra|one more|too|slide|whiteboard|demo|diagram|resume|cv|die|default|than|clear|back from|against|unset|out of|deal|over|set|less|fewer|does|cares|misses|missed|solv|solution|fix|moving|premature|money|wast|happen|not for|not|last thing|made up|imaginar|fake|hypothet|non|asked|rather|alone|belt/;
/** A dismissal conceded and then overturned: "X is a tax, but one well worth paying". */
const OVERTURNED = /^ ?(?:(?!not |isnt |arent |never |hardly |no |dont |wont )\w+ ){0,8}?(?:(?:well |still |totally |absolutely |definitely )?worth (?:it|paying|having|doing|the)|(?:i|we|you|id|wed|youd) (?:happily |gladly |still |just |willingly )?(?:accept|pay|eat|take) (?:it|that|them|the cost|the hit|the overhead)|(?:a )?price worth paying)\b/;
/** Lead-ins before a clause's subject: "I think it's mostly cargo cult", "I'd say that's overkill". */
const OPINION_VERBS = new Set(["think", "guess", "feel", "reckon", "believe", "find", "suspect", "say", "mean"]);
const ANY_CUE = /market|vanity|nothing|faff|hassle|headache|nightmare|band|fiddly|complicat|solution|wast|pass|pain|chore|snake|phase|paper|theory|someday|caus|creat|brings|adds|gives|reason|ever|wait|later|keep|earn|switch|disabl|remov|ripp|drop|ruled|reject|shelv|decommission|abandon|taken|pull|park|defer|postpon|hold|kill|false|off|meh|nah|nope|thanks|wouldnt|would not|dont|wont|argu|vot|veto|talk|doubt|skeptic|sceptic|convinc|suspect|miss|alone|table|opt|got rid|moved|took|setting|committing|configured|enabled|pay|recipe|sound|look|elegant|clever|cute|steer|talk|avoid|skip|drop|forget|ignor|leave|bother|turn|switch|disabl|rip|remov|stay|steer|keep|rid|away|need|worth|overkill|point|unnecess|waste|overrat|useless|engineer|hype|gimmick|academic|theoretic|cargo|nice|optional|necess|requir|import|useful|helpful|relevant|problem|issue|concern|deal|matter|help|buy|change|differen|make|add|bring|cause|creat|slow|trouble|something|thing|stuff|push|hold|stop|pass|without|off|touch|near|ditch|reason|oversold|overblown|busy|precision|premature|distraction|theat|noise|bloat|ceremony|pattern|herring|crutch|nobody|rarely|seldom/;

/** Per token: 0, or LOOKS_FORWARD / LOOKS_BACK where it lies in a dismissal's scope. Computed once per answer. */
export function analyseStance(analysed: AnalysedText): Uint8Array {
  const { tokens, sentences } = analysed;
  const dismissed = new Uint8Array(tokens.length);
  // Only the expressions whose needed words the answer holds can match in any of its sentences (see regex-needs.ts).
  const met = needsOfCompiled().met(tokens);
  const possible = COMPILED.filter((_, k) => met[k]);
  if (possible.length === 0) return dismissed;

  const markPronounTarget = (pronoun: number) => {
    const clause = tokens[pronoun]!.clause;
    const sentence = sentences[tokens[pronoun]!.sentence]!;
    // In the same sentence: everything said before the pronoun's clause, back to the previous strong break.
    let j = pronoun - 1;
    while (j >= sentence.firstToken && tokens[j]!.clause === clause) j--;
    if (j >= sentence.firstToken) {
      let from = j;
      while (from > sentence.firstToken && !(tokens[from]!.strongBreak && !SOFT_BREAKS.has(tokens[from]!.n))) from--;
      for (let k = from; k <= j; k++) dismissed[k] = LOOKS_BACK;
      return;
    }
    const previous = sentences[sentence.index - 1];
    if (!previous) return;
    if (previous.question || previous.endToken - previous.firstToken <= SHORT_SENTENCE) {
      for (let k = previous.firstToken; k < previous.endToken; k++) dismissed[k] = LOOKS_BACK;
    } else {
      const lastClause = tokens[previous.endToken - 1]!.clause;
      for (let k = previous.endToken - 1; k >= previous.firstToken && tokens[k]!.clause === lastClause; k--) dismissed[k] = LOOKS_BACK;
    }
  };

  for (const sentence of sentences) {
    const { firstToken, endToken } = sentence;
    const { joined, tokenAt } = joinTokens(tokens, firstToken, endToken);
    if (!ANY_CUE.test(joined) && !MORE_CUES.test(joined)) continue;
    for (const { re, direction, stance, pronounOnly } of possible) {
      re.lastIndex = 0;
      for (const m of allMatches(re, joined)) {
        const at = m.index ?? 0;
        const matchStart = tokenAt(at + m[0].length - m[0].trimStart().length);
        // "I'd never skip a savepoint", "nobody should drop acks=all", "there's no reason to turn off compaction":
        // a denied removal affirms. ("Never bother with X" still waves X away.)
        if (direction === "forward" && !/bother|touch|go near|go there|deal with/.test(m[0])) {
          let denied = / (?:never|not|dont|cant|cannot|shouldnt|wouldnt|mustnt) /.test(` ${m[0]} `);
          for (let k = matchStart - 1; k >= matchStart - 4 && k >= firstToken; k--) if (NEGATING_WORDS.has(tokens[k]!.n)) denied = true;
          if (denied) continue;
        }
        // "not optional", "never overkill": a denied dismissal affirms.
        if (direction === "backward" && matchStart > firstToken && NEGATORS.has(tokens[matchStart - 1]!.n)) continue;
        // A stance verb must follow its subject ("I'd avoid"), or open a clause as an imperative ("Skip it.").
        if (stance && !/^(?:i|we|you|id|wed|youd|ive|weve|youve|im|ill|one|people|teams|they|the team|our team) /.test(m[0])) {
          if (matchStart > firstToken && tokens[matchStart - 1]!.clause === tokens[matchStart]!.clause) continue;
        }
        const matchEnd = tokenAt(at + m[0].length - 1) + 1;
        // "…exactly_once_v2, which is off by default", "disabled unless you set it": a default described, not a stance.
        if (direction === "backward" && /\b(?:off|disabled|false)\b/.test(m[0]) && !/\b(?:i|we|you|id|wed|youd)\b/.test(m[0]) && describesDefault(tokens, matchEnd, endToken)) continue;
        // "X is a tax, but one well worth paying": the dismissal is conceded, then overturned.
        if (direction === "backward" && OVERTURNED.test(joined.slice(at + m[0].length))) continue;
        if (pronounOnly) {
          // ("one" reads as the number 1: "we don't have one")
          for (let k = matchStart + 1; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n) || tokens[k]!.n === "1") markPronounTarget(k);
          continue;
        }
        // "We took them out", "turned it off": a pronoun inside the cue points back.
        if (direction === "forward") for (let k = matchStart + 1; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n)) markPronounTarget(k);
        if (direction === "forward") {
          const next = tokens[matchEnd];
          if (next && next.sentence === sentence.index && PRONOUNS.has(next.n)) {
            markPronounTarget(matchEnd);
            continue;
          }
          let reached = 0;
          for (let k = matchEnd; k < endToken && reached < DISMISSAL_WINDOW; k++, reached++) {
            if (k > matchEnd && (tokens[k]!.strongBreak || (PIVOT_WORDS.has(tokens[k]!.n) && reached > 0))) break;
            dismissed[k] = Math.max(dismissed[k]!, LOOKS_FORWARD);
          }
          // Nothing after the cue in its clause but filler ("…is something I'd avoid", "X I'd avoid as well"): it looks back instead.
          let rest = matchEnd;
          while (rest < endToken && tokens[rest]!.clause === tokens[matchEnd - 1]!.clause && TRAILING_FILLERS.has(tokens[rest]!.n)) rest++;
          if (rest >= endToken || tokens[rest]!.clause !== tokens[matchEnd - 1]!.clause) markBackward(matchStart);
        } else {
          markBackward(matchStart);
          // "…, but I don't think they pay for themselves": a pronoun inside the predicate points back too.
          for (let k = matchStart; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n) && k > matchStart) markPronounTarget(k);
        }
      }
    }

    function markBackward(predicateStart: number) {
      const clause = tokens[predicateStart]!.clause;
      let from = predicateStart;
      while (from > firstToken && tokens[from - 1]!.clause === clause) from--;
      // The clause's subject: its first word after conjunctions and filler ("but honestly that is overkill").
      let opener = from;
      while (opener < predicateStart) {
        if (CONJUNCTIONS.has(tokens[opener]!.n) || FILLERS.has(tokens[opener]!.n)) opener++;
        else if (["i", "id", "we", "wed"].includes(tokens[opener]!.n) && OPINION_VERBS.has(tokens[opener + 1]?.n ?? "") && opener + 1 < predicateStart) opener += 2;
        else break;
      }
      // "…, but it only makes things harder": the pronoun stands for what came before.
      if (PRONOUNS.has(tokens[opener]!.n)) return markPronounTarget(opener);
      // "…, all overkill" / "…: both are unnecessary": the clause sums up what came before, back to a strong break.
      if (opener === predicateStart || SUMMARY_WORDS.has(tokens[opener]!.n)) {
        from = Math.max(firstToken, from - 1);
        while (from > firstToken && !tokens[from]!.strongBreak) from--;
      }
      for (let k = from; k < predicateStart; k++) dismissed[k] = LOOKS_BACK;
      // "RocksDB? Not for us.", "Compaction? Honestly, overkill.": a predicate with nothing before it but filler
      // answers the short or questioning sentence before it.
      if (from === firstToken && opener === predicateStart) {
        const previous = sentences[sentence.index - 1];
        if (previous && (previous.question || previous.endToken - previous.firstToken <= SHORT_SENTENCE)) {
          for (let k = previous.firstToken; k < previous.endToken; k++) dismissed[k] = LOOKS_BACK;
        }
      }
    }
  }
  return dismissed;
}
