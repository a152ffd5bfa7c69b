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
//  - indirect shapes: faint praise ("sounds responsible, but…", "cool, sure, but…", "a nice gesture"), conditions
//    that never apply ("only if you're a bank", "…if you're doing billing, which we aren't"), deferral ("one for the
//    release notes", "we'll get to it eventually", "I'd wait on X until…"), cost said as a complaint ("halves our
//    throughput", "a lot of bookkeeping for the odd duplicate", "costs too much for what it buys"), scope that
//    leaves us out ("for people with far more brokers than us"), sarcasm ("because what every team needs is
//    another X", "oh sure, let's add X"), not-my-problem ("the framework's job, not ours"), swaps ("we swapped X for
//    Y"), and settings left at nothing ("stays at 0").
//  - a refusal with no object ("…; in practice we don't bother", "…, so we don't key at all", "We said no.") waves
//    away what came before it, unless that already denied something ("…without transactions? I wouldn't.").
//  - an alternative said to suffice ("…; for logs, at-most-once is plenty", "…does the job", "we stayed on the
//    heap") passes over the stretch before it, unless that stretch recommends something.
//  - a dismissal aimed at a pronoun ("stay away from it", "it just adds complexity") reaches back to what the
//    pronoun stands for: a short or questioning previous sentence ("Compaction?") or one that puts the practice
//    on the table ("Someone suggested log compaction."), else the previous clause.
//
// Verbs that also describe mechanisms ("idempotence avoids duplicates", "consumers skip aborted records")
// count only as the candidate's own stance: after I / we / you / one (with a modal: "I'd", "we would",
// "you can"), or as an imperative opening a sentence.
import { NEGATING_WORDS, REMOVAL_VERBS } from "./negation";
import { allMatches, type AnalysedText, joinTokens } from "./normalise";
import { needIndexFor, type NeedIndex } from "./regex-needs";

/**
 * The dismissal mask holds LOOKS_FORWARD for words after a cue ("I'd avoid X", "no need for X") and
 * LOOKS_BACK for words a later predicate or pronoun waves away ("X is overkill", "…, but that is pointless").
 * A phrase that itself states an absence ("never remov*") shrugs off the first kind, never the second.
 */
export const LOOKS_FORWARD = 1;
export const LOOKS_BACK = 2;
/**
 * A whole sentence that put something on the table and was then turned down ("The first proposal was one topic per
 * channel. We rejected it."): what it names is neither adopted nor claimed, so even a wrong claim in it is not made.
 */
export const REJECTED_PROPOSAL = 3;

/** How many words a forward dismissal reaches. */
export const DISMISSAL_WINDOW = 12;

const STANCE_SUBJECT = "(?:i|we|you|id|wed|youd|ive|weve|youve|im|ill|one|people|teams|they|the team|our team)";
const MODAL = "(?:would|should|could|can|will|might|d|usually|always|generally|just|really|honestly|probably|definitely|personally|simply|mostly|rather|even|then|eventually|deliberately|quickly|somewhat|also|actually|already|finally|frankly|still|ll|ve|have|had|am|m|happily|gladly|kind of|sort of|kinda|sorta|basically|um|uh|you know)";
/** Verbs that dismiss only as the candidate's own stance (they also describe mechanisms: "consumers skip aborted records"). */
const STANCE_VERBS = "(?:went back from|going back from|moved back from|switched back from|reverted from|rolled back from|migrated off|migrated away from|decided against|decide against|chose against|opted against|came down against|stay out of|stayed out of|stay clear of|stay clear|stayed clear|keep clear of|leave unset|left unset|leave alone|left alone|rather not deal with|not deal with|never deal with|avoid|avoiding|skip|skipping|forget about|forget|ignore|ignoring|leave out|not bother with|not bother|never bother with|push back on|pushing back on|hold off on|holding off on|stopped bothering with|stop bothering with|stopped using|stop using|stopped doing|stop doing|pass on|do without|go without|stay off|rather not use|rather not|wouldnt go near|would not go near|never go near|not go near|wouldnt touch|would not touch|not touch|drop|dropping|dropped|ditch|ditching|ditched|rip out|ripped out|get away from|move away from|moved off|move off|steer away from|turn off|turn it off|turn them off|switch it off|switch them off|leave off|turned off|switch off|switched off|disable|disabled|remove|removed|pull out|pulled out|took out|take out|decommissioned|abandoned|killed|got rid of|opt out of|opting out of|opted out of|rejected|ruled out|shelve|shelved|park|parked|let table|lets table|let us table|tabled|defer|deferred|postpone|postponed|put off|argue against|argued against|pushed back on|pushed back|vote against|voted against|veto|vetoed|talked them out of|talk them out of|never switched on|never turned on|never enabled|never configured|never set up|never bothered with|wouldnt go there|would not go there|wouldnt bother|give it a miss|give them a miss|leave it off|leave them off|leave it alone|leave them alone|leave well alone|took them out|took it out|pulled them out|pulled it out|turned it off|turned them off|turned that off|turned those off|switched it off|switched them off|switched that off|switched those off|ignored|swapped out|swapped|swap out|replaced|traded away|ripped it out|ripped them out|dont configure|never configure|dont tune|do not tune|never tune|wouldnt tune|would not tune|dont set|dont take|dont touch|wouldnt touch|would not touch|never bothered turning on|never bothered with|never bothered|said no|say no|stopped setting|stop setting|stopped committing|doubt|doubt that|bypass|bypassed|bypassing|route around|routed around|routing around|work around|worked around|working around|sidestep|sidestepped|side step|side stepped|circumvent|circumvented|null out|nulled out|blank out|switched it back off|switched them back off|turned it back off|turned them back off|am skeptical of|am skeptical that|am sceptical of|am sceptical that|im skeptical of|im skeptical that|im sceptical of|im sceptical that|not convinced|am not convinced|im not convinced|suspect)";
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
  "a wide berth to", "wide berth to",
];

/** Who a practice is said to be for, when it is not for us: "for the paranoid", "for benchmark junkies", "the Kafka Streams crowd". */
const AUDIENCE = "(?:paranoid|perfectionists?|purists?|pedants?|junkies|enthusiasts?|hobbyists?|crowd|obsessives?|nerds|zealots|regulated industries|payments? (?:people|shops|teams|folks)|payment shops|banks|fintechs?|big banks|enterprises|public apis)";
/** When later is said as a condition that has not come: "when it starts to hurt", "when we hit Netflix scale", "when someone complains". */
const LATER_WHEN = "(?:(?:when|once|if) (?:\\w+ ){1,3}?(?:starts?|begins?) (?:complaining|to complain|hurting|to hurt|struggling|to struggle|creaking|to creak)|(?:when|once|if) (?:it|they|things|that) (?:starts? to |begins? to |actually )?(?:hurts?|breaks?|bites?|becomes? a problem|becomes? an issue)|(?:when|once|if) (?:someone|somebody|a customer|customers|users?|anyone) (?:actually )?complains?|(?:when|once|until) (?:we|you) (?:actually |finally )?(?:hit|reach|get to|have|need to|outgrow)|(?:when|once) the (?:\\w+ ){1,2}(?:gets? (?:big|bigger|slow|large|huge)|fills? up|breaks?|hurts?)|after (?:launch|go live|we launch|the launch)|in year (?:2|two)|in (?:a few|a couple of|2|3|few) (?:years|quarters|months)|down the (?:line|road))";

/** Later said as another phase, a milestone, someone asking, or round to it: "in the hardening phase", "after GA", "when audit asks". */
const LATER_PHASE = "(?:later|eventually|(?:in|with|during|for|after) (?:a |an |the )?(?!first |initial |same |current )(?:\\w+ ){0,2}?(?:phase|stage|milestone|iteration)|(?:in|after) phase \\w+|after (?:ga|launch|go live|the pilot|we launch|beta)|(?:when|once|if) (?:\\w+ ){0,3}?(?:ever )?(?:asks?|insists?|demands? it|wants? (?:it|one|them)|needs? (?:it|one|them))|(?:once|when|after) (?:were|we are|we re|we) (?:past|through|out of|beyond|done with)|whenever (?:\\w+ ){1,2}?(?:get|gets|got) (?:round|around) to)\\b";

/** Predicates that dismiss what comes before them in their clause. */
const BACKWARD = [
  // Round 4. Verdicts: "X is a buzzword / a pipe dream / a lost cause / a nicety / redundant / a micro-optimisation",
  // "X is impossible in practice" (not "impossible to…", "impossible without…"), "X is just Y with extra steps"
  "(?:is|are|s|was|were|seems|sounds|it|that|they|theyre)? ?(?:just |simply |basically |mostly |pretty much |frankly |a bit |honestly |totally |completely |largely |practically |effectively |kind of |kinda )*(?:a |an |such a |just a )?(?:buzzwords?|pipe dreams?|fantasy|fantasies|lost cause|hopeless|unicorns?|wishful thinking|fairy tale|nicety|niceties|micro optimi[sz]ations?|vanity project|vanity metric|(?:compliance )?checkbox(?: exercise)?|tick box exercise|box ticking|redundant|superfluous|silly|graveyard|textbook stuff|poor mans? \\w+|faffing (?:about|around)|vendor lock in|dressed up as|(?:fortune 500|enterprise|big bank|bank|faang|big company) (?:problem|thing|luxury|concern)s?)\\b",
  "(?:is|are|s|was|were|it|that|they) (?:just |simply |basically |frankly |practically |effectively |totally |completely )*(?:impossible|not achievable|unachievable|not realistic|unrealistic)(?=$| in practice| in real life| in production| with| at| here| for us| anyway| across| between| so| and| but| when)",
  "with extra steps\\b",
  // Audience: "X is for the paranoid", "a knob for perfectionists", "for people who enjoy being woken up", "only matters for payment shops"
  "(?:is|are|s|was|were|it|they|knobs?|features?|settings?|things?|toys?) (?:only |just |mostly |really |strictly )?for (?:the )?(?:\\w+ ){0,2}?" + AUDIENCE + "\\b",
  "for (?:people|teams|folks|companies|those|anyone|shops) (?:who|that) (?:enjoy|like|love|want|have time|have nothing better)\\b",
  "for (?:companies|orgs|teams|people|shops) with (?:\\w+ ){0,2}?(?:petabytes|their own|thousands of|hundreds of|a dedicated|an sre|a platform team)\\b",
  "(?:only|really) (?:really |ever )?(?:matters?|makes? sense|applies|apply|pays? off) (?:for|to) (?:the )?(?:\\w+ ){0,3}?" + AUDIENCE + "\\b",
  "(?:is|are|s|was|were|it|they) (?:only |just |really |mostly |strictly )?for the (?:\\w+ )?(?:people|folks|crowd|guys|team)\\b",
  "(?:is|are|s|it) (?:a job|a task|a problem|a matter|one|something|work) for (?:the )?(?:\\w+ ){0,2}?(?:team|people|folks|dbas?|ops|admins|sres?|crowd)\\b",
  "not for (?:a |an )?(?:normal|regular|typical|ordinary|boring|small|simple) \\w+\\b",
  // "The 'too many partitions' warnings I file under folklore", "…which I chalk up to cargo cult"
  "(?:file|files|filed|put|puts|chalk|chalks|chalked) (?:it |them |that |those |this )?(?:up )?(?:under|down to|up to) (?:\\w+ )?(?:folklore|myths?|legends?|superstitions?|old wives tales|urban legends?|cargo cult|fud|scaremongering)\\b",
  // Round 18. "X is a bit of a relic", "the 'batch wins for backfills' argument doesn't hold up", "only matters if your network is flaky"
  "(?:is|are|s|feels?|seems?|looks?) (?:a bit of a |kind of a |basically a |just a |a real |a )?(?:relic|dinosaur|throwback|museum piece|thing of the past)\\b",
  "(?:argument|case|claim|story|idea|reasoning|logic|point)s? (?:just |really |simply )?(?:doesnt|does not|dont|do not|wont|never) (?:really )?(?:hold up|hold water|stand up)\\b",
  "only (?:really |ever )?(?:matters?|makes? sense|helps?|pays? off) (?:if|when) (?:your|the|our) (?:\\w+ ){0,2}?(?:is|are) (?:really |very )?(?:flaky|unreliable|broken|terrible|awful|shaky)\\b",
  // Round 17. Scale as the audience: "X and Y: knobs for giant clusters", "a knob for huge deployments"
  "(?:is|are|s|its|knobs?|features?|settings?|toys?|things?|tools?|options?|stuff) (?:only |just |mostly |really |strictly )?for (?:the )?(?:giant|huge|massive|enormous|gigantic|very large|really big|hyperscale|web scale|internet scale|linkedin sized|netflix sized|google sized) (?:clusters?|deployments?|installations?|setups?|fleets?|shops?|companies|orgs?|organi[sz]ations|teams?|estates?|workloads?)\\b",
  // Kept from production: "TTL is one of those features I'd keep out of production", "the one I wouldn't let near prod"
  "(?:i|we|id|wed|youd|you|ive|weve) (?:\\w+ )?(?:would |d |should |always |still )?(?:keep|kept) (?:it |them |that |this |those )?(?:out of|away from) (?:production|prod)\\b",
  "(?:wouldnt|would not|never|dont|do not|wont|will not) (?:\\w+ )?let (?:it |them |that |this |those |one )?(?:anywhere )?near (?:production|prod|a production (?:\\w+)|our (?:cluster|prod|production)|my (?:cluster|prod|production))\\b",
  // "X is mostly theory", "the 'X loses data' story is mostly theory"
  "(?:is|are|s) (?:mostly |just |pure |purely |largely |all |basically )theory\\b",
  // "that's a lot of machinery to babysit"
  "(?:a lot of|lots of|too much|so much|loads of|a pile of) (?:\\w+ )?(?:machinery|ceremony|moving parts|plumbing|infrastructure) to (?:babysit|maintain|run|operate|look after|manage|keep alive|keep running)\\b",
  // "The high-watermark change is the part I really dislike"
  "(?:part|thing|bit|feature|change|one)s? (?:that )?(?:i|we) (?:really |truly |honestly |genuinely |most |particularly )?(?:dislike|hate|cant stand|cannot stand|loathe|despise|detest)\\b",
  // "it's nice in theory", "a nice-in-theory refactor"
  "(?:its|thats|s|it is|that is) (?:\\w+ )?(?:nice|good|great|fine|elegant|neat|clever|lovely) (?:on paper|in theory)\\b",
  "(?:nice|good|great|fine|elegant|neat|clever|lovely) in theory (?:\\w+ )?(?:refactors?|ideas?|features?|tricks?|things?|changes?|fix(?:es)?|approach(?:es)?|designs?|patterns?|rewrites?)\\b",
  // "X only matters when you're running hundreds of thousands of partitions"
  "only (?:really |ever )?(?:matters?|makes? sense|pays? off|helps?|kicks in) (?:when|if|once) (?:youre|you are|you re|were|we are|we re|you|we) (?:\\w+ ){0,3}?(?:hundreds of thousands|tens of thousands|millions|netflix|linkedin|google|uber|giant|huge|massive|hyperscale|enormous)\\b",
  "only (?:people|teams|folks|nerds|pedants|purists|those) (?:who|that) (?:\\w+ ){1,6}?(?:care about|notice|bother with|need|use)\\b",
  "unless (?:youre|you are|you re|your|you work at|you work for) (?:a bank|netflix|google|linkedin|uber|huge|massive|enormous|at (?:\\w+ ){0,2}scale)\\b",
  // Deferral: "X is a problem for when we hit scale", "a day-two concern", "something we'll look at when the state gets big",
  // "something the security folks can add later", "what you add after the first post-mortem"
  "(?:problem|concern|thing|worry|question|job|one|something|topic|conversation) for (?:when|once|later|another day)\\b",
  "(?:a |an )?(?:day (?:2|two)|year (?:2|two)|phase (?:2|3|two|three|\\w+)|later|later phase|later stage|next phase|future|tomorrows|post (?:launch|mvp|pilot|ga)|hardening) (?:problem|concern|thing|worry|task|job|feature|project|question|item)s?\\b",
  // "a v2 problem" puts off; "the transaction.version=2 feature" names one.
  "(?:a|an) (?:v2|version 2) (?:problem|concern|thing|worry|task|job|feature|project|question)s?\\b",
  "(?:something|stuff|a thing|things|one) (?:that |which )?(?:we|you|i|id|wed|ill|well|youll|the \\w+ (?:team|folks|people)|someone|somebody) (?:\\w+ ){0,2}?(?:worry about|look at|look into|think about|add|bolt on|deal with|revisit|get to|fix|tackle|care about|do|set up|turn on|sort out)\\b(?= (?:\\w+ ){0,3}?(?:later|eventually|after|someday|one day|next|" + LATER_WHEN.slice(3) + ")",
  "(?:can|could|will|ll|well|ill) (?:always )?(?:add|bolt on|set up|turn on|look at|worry about|deal with|think about|revisit|do) (?:it |them |that |this )?(?:later|eventually|in year (?:2|two)|after launch|post launch|down the (?:line|road)|some other time|another time)\\b",
  "(?:is|are|s) what (?:you|we|teams|people|everyone) (?:\\w+ )?(?:add|bolt on|reach for|do|build) (?:only )?after\\b",
  "(?:bottom|back|end) of (?:the|our|my) (?:backlog|list|queue|pile|roadmap)\\b",
  // Hype and cargo cult: "X is one of those settings people tweak because a blog post said so", "…because the tutorial did"
  "because (?:a |the |some |every |one |that )?(?:\\w+ ){0,3}?(?:blog posts?|blogs?|conference talks?|talks?|tutorials?|docs|articles?|vendors?|hacker news|twitter|medium posts?|stack overflow(?: answers?)?|consultants?|everyone else|everybody else|the internet|a book|the book) (?:said so|says so|told (?:them|us|you|me)(?: to)?|did|do|does|says|said|recommended|recommends|mentioned|showed|shows)\\b",
  // Comparison: "X is a heavyweight way to do what a query does", "just a fancier way of paying for S3"
  "(?:a |an |just a )?(?:\\w+ )?(?:heavyweight|heavy|fancier|fancy|expensive|complicated|convoluted|roundabout|overcomplicated|elaborate|costly|slow|slower) way (?:of|to)\\b",
  // Faint praise: "X is clever, but we just…", "a nice trick in a talk", "a nice slide for the board", "a nice idea that's impossible"
  "(?:is|are|s|it|they) (?:very |really |quite |pretty |so |all very )?(?:clever|elegant|neat|cute|nice|cool|interesting|fancy|lovely) but (?:we|i|in practice|in real life|honestly|frankly|nobody|no one)\\b",
  "(?:nice|neat|cute|fancy|pretty|cool|lovely|good) (?:trick|slide|idea|demo)(?: in a (?:talk|demo|blog post)| for the board| on paper| in theory| that| but| id| i d| we)\\b",
  "(?:never|didnt|did not|doesnt|does not|dont|do not) (?:quite |actually )?(?:made|make|makes) it (?:into|to|onto|past|in) (?:the|our|my|a)\\b",
  // "…solves a problem we choose not to have", "not something a sane team spends an afternoon on"
  "(?:problem|issue)s? (?:that |which )?(?:we|i|you) (?:choose|chose|prefer|decided|decide) not to have\\b",
  "(?:not something|nothing|something no) (?:a |any )?(?:sane|sensible|reasonable|normal|serious|busy) (?:\\w+ )?(?:team|person|engineer|company|shop|developer)s? (?:would |should |ever )?(?:spends?|does|do|bothers?|needs?|wants?)\\b",
  // "…, all stuff the platform people can argue about while we ship"
  "(?:argue|fight|bikeshed|debate|worry|fuss) (?:about|over) (?:\\w+ )?while (?:we|i|the rest of us)\\b",
  // "…just means your producers fall over during maintenance", "…just makes consumers sit and wait"
  "(?:only|just|simply|merely) means? (?:your|our) (?:\\w+ ){0,2}?(?:fall over|falls over|fail|fails|break|breaks|stall|stalls|go down|goes down|crash|crashes|page|pages|wait|waits|block|blocks)\\b",
  "(?:only|just|merely|simply) (?:makes?|lets?|forces?) (?:\\w+ ){1,2}?(?:sit and )?(?:wait|waits|stall|stalls|block|blocks|hang|hangs)\\b",
  "(?:doubles|doubled|triples|tripled|halves|halved|wrecks|wrecked|kills|killed|ruins|ruined) (?:our|your|the) (?:\\w+ )?(?:p99|p999|p95|tail latency|latency)\\b",
  // Sarcasm: "…a three-part saga just to count clicks"
  "(?:saga|circus|song and dance|palaver|rigmarole|ordeal) (?:just )?to\\b",
  // "X: for when you want your windows to close whenever they feel like it"
  "whenever (?:it|they) (?:feel|feels) like it\\b",
  // Config said to be right at nothing: "num.standby.replicas=0 is the sensible setting"
  "(?:0|zero|none|false|off|disabled) (?:is|s|are) (?:the |a |our )?(?:sensible|right|best|safe|correct|reasonable|standard|usual|recommended|only sane) (?:setting|value|default|choice|option)\\b",
  // Letting others go first: "a feature I'll let other teams beta-test"
  "let (?:other|others|the other|some other|someone else|somebody else) (?:\\w+ )?(?:beta test|test|try|find out|figure out|debug|go first|work out|iron out|discover|bleed)\\b",
  // "X is overkill", "X is way overrated", "X is just hype"
  "(?:is|are|s|was|were|seems|seem|sounds|sound|feels|feel|being|be|mostly|largely|totally|pretty much)? ?(?:just |mostly |usually |really |totally |completely |pure |purely |a bit |bit |way |kind of |largely |massive |complete |often |simply |honestly |basically |generally |an )?(?:overkill|overrated|unnecessary|pointless|useless|over engineering|overengineering|over engineered|overengineered|hype|hyped|a gimmick|gimmick|a waste|waste of time|academic|theoretical|cargo cult|a nice to have|nice to haves|nice to have|optional|moot|irrelevant|beside the point|neither here nor there)\\b",
  // "X isn't worth it", "X is not really needed", "X is hardly ever a problem"
  "(?:isnt|arent|is not|are not|wasnt|not|never|hardly|rarely|hardly ever|seldom|aint|doesnt seem|dont seem) (?:really |that |very |all that |even |ever |actually |particularly |strictly |usually )?(?:worth|needed|necessary|required|important|useful|helpful|relevant|a problem|an issue|a concern|a big deal|a real problem|a real issue|a real concern|something to worry about|something you need|something i would|a thing)\\b",
  // "X doesn't really matter", "X never helps", "X won't buy you anything"
  // ("It does not help with writes outside Kafka": a limit of scope, not a verdict on what came before.)
  "(?:doesnt|dont|does not|do not|wont|will not|rarely|hardly|never|didnt) (?:really |actually |even |usually |ever |much )?(?:matters?(?! (?:who|whom|whose|whether|if|how|what|which|when|where)\\b)|help(?! (?:with|against|when|if|once|outside|beyond|across|past)\\b)|helps(?! (?:with|against|when|if|once|outside|beyond|across|past)\\b)|add much|adds much|add anything|adds anything|add a lot|adds a lot|buy you much|buy you anything|buys you much|buys you anything|change anything|changes anything|make a difference|makes a difference|make much difference|makes much difference)\\b",
  // "X only makes things harder", "X just adds complexity"
  "(?:only|just|merely|mostly|simply) (?:make|makes|made|making|add|adds|added|adding|bring|brings|cause|causes|create|creates|slow|slows) (?:things |it |everything |life |your life |the system |the pipeline |you |(?:\\w+ ){1,2}?)?(?:harder|complicated|more complicated|complex|more complex|worse|slower|complexity|overhead|latency|headaches|headache|pain|noise|trouble|problems|bugs|confusion|down|unpredictable|fragile|brittle|messy|messier|flaky|flakier|opaque|painful|noisier|riskier)\\b",
  "more (?:\\w+ ){0,2}than (?:its|it|it is|they are|theyre|thats|that) worth",
  "(?:is|are|s|was|were|feels|sounds|seems)? ?(?:just |mostly |largely |totally |completely |really |way |a bit |pretty )?(?:oversold|overhyped|overblown|busywork|busy work|false precision|premature optimi[sz]ation|a distraction|theatre|theater|noise|bloat|ceremony|an antipattern|an anti pattern|a red herring|a crutch)\\b",
  "(?:can|should|could|may) (?:be )?(?:safely |just |usually |mostly )?(?:be )?(?:ignored|skipped|dropped|left out|turned off|switched off|avoided)\\b",
  // "X doesn't pay for itself", "X is a recipe for trouble", "X sounds nice in theory"
  "(?:doesnt|dont|does not|do not|wont|will not|never|rarely) (?:really |think |believe |seen |see |saw )*(?:it |they |them |this |that |these )?(?:really )?pays? (?:for (?:itself|themselves)|off|(?:its|their) (?:own )?way)\\b",
  "(?:is|are|s) (?:a |just a )?recipe for\\b",
  // "X is marketing", "X is a faff", "X, meh", "X is a solution looking for a problem", "X just causes outages"
  "(?:is|are|s|was|were|feels|feel|seems|seem|sounds|sound)? ?(?:just |pure |mostly |largely |basically |honestly |a bit of |a |an |such a |a real |a total |a right |a big )*(?:marketing|vanity metric|nothingburger|faff|hassle|headache|nightmare|band aid|bandaid|fiddly|too fiddly|overcomplicated|over complicated|solution looking for a problem|wasted effort|wasteful|waste of (?:time|money|effort|cpu|disk|resources|storage)|hard pass|pain|chore|snake oil|phase (?:2|two|3|three) thing|nice idea on paper|nice in theory|on the someday list|someday list)\\b",
  "(?:just |only |mostly )(?:causes|cause|creates|create|brings|bring|adds|add|gives|give) (?:you |us )?(?:outages|outage|problems|trouble|pain|headaches|noise|lag|latency|overhead|cost|complexity|duplicates)\\b",
  // Without "just": a cost named after the benefit it buys is a trade-off ("gives more complete results but adds latency"),
  // and so is one said in a relative clause ("Spark runs micro-batches, which adds latency").
  "(?<!\\b(?:which|that) )(?<!\\b(?:gives?|giving|improves?|ensures?|guarantees?|buys?|gets?|yields?|means?|protects?|prevents?|catches?|keeps?) (?:\\w+ ){1,6}?(?:but|at the cost of|although|though|while it) )(?:causes|cause|creates|create|brings|bring|adds|add|gives|give) (?:you |us )?(?:outages|outage|problems|trouble|pain|headaches|noise|lag|latency|overhead|cost|complexity|duplicates)\\b",
  "(?:for nothing|for no reason|for no good reason|if ever|can wait|could wait|will wait|can come later|is for later|for later)\\b",
  "(?:doesnt|dont|does not|do not|never|not) (?:really )?earn (?:its|their) keep\\b",
  "(?:is|are|s|was|were|has been|have been|got|get|gets|been) (?:quietly |deliberately |eventually |later |since )?(?:switched off|turned off|disabled|removed|ripped out|dropped|ruled out|rejected|shelved|decommissioned|abandoned|taken out|pulled out|parked|deferred|postponed|put on hold|killed)\\b",
  "(?:is|are|was|were|s|set to|left at|left|kept|stays|stay|stayed)? ?(?:false|disabled)\\b",
  "(?:is|are|was|were|left|kept|stays|stay|stayed|set) off\\b",
  "(?:meh|nah|yeah no|nope|no thanks)\\b",
  "(?:is|are|s)? ?(?:too much (?:code|work|effort|hassle|overhead|ceremony)|too slow|too fiddly|too expensive|too complex|too complicated|a lot of work for|guesswork|a cost (?:we|id|i|youd) (?:would )?rather not pay|one of those features nobody|something for banks|not a priority|never been (?:considered )?a priority|all a bit much|a bit much)\\b",
  "(?:nobody|no one|hardly anyone) (?:actually |really |ever )?(?:needs|uses|wants|reads)\\b",
  "(?:none|neither) of (?:that|this|it|them|those) (?:matters|is needed|is worth)\\b",
  "(?:sounds|sound|looks|look|is|are) (?:nice|good|great|clever|elegant|neat|impressive|fine) (?:on paper|in theory|in (?:conference )?talks|in blog posts|in slides)\\b",
  "(?:is|are) (?:an? )?(?:elegant|clever|nice|neat|cute) (?:idea|ideas|trick|tricks|feature|features|concept|concepts) but\\b",
  "(?:is|are|s) (?:something|one thing|a thing|stuff) (?:i|we|you|id|youd|wed) (?:would |d |can |could |should |just |usually |always )*(?:avoid|skip|ignore|forget|not bother with|never use|never bother with|stay away from|leave off|leave out|turn off|switch off|disable|drop|rip out)\\b",
  // "X is a tax", "X is a rabbit hole", "X is bureaucracy", "X is paranoia", "X is a luxury", "X is overthinking it"
  "(?:(?:is|are|s|was|were|feels|feel|seems|seem|sounds|sound|looks|look|becomes|become)|(?:that|it|theyre)(?= (?:a|an|just|pure|such|honestly|basically|really) )) (?:like |just |pure |mostly |honestly |basically |really |largely |a bit of |a |an |such a |a real |a total |a huge |a big |an absolute |an expensive |a pure |a hidden |a needless |an unnecessary )*(?:tax|rabbit hole|bureaucracy|red tape|paperwork|toy|relic|paranoia|paranoid|luxury|placebo|security blanket|comfort blanket|security theatre|security theater|belt and braces|belt braces|belt and suspenders|overthinking|over thinking|friction|overhead|extra overhead)\\b",
  // "X is the kind of thing people add to feel safe"
  "to feel (?:safe|safer|clever|smart|good|better|busy|productive|important|reassured|covered|in control|grown up|enterprisey)\\b",
  // "X only matters at Netflix scale", "X only makes sense for banks" (not "only matters when acks=all", a mechanism)
  "only (?:really |ever )?(?:matters|matter|makes sense|make sense|pays off|pay off|earns its keep) (?:at (?:\\w+ ){0,2}scale|for (?:banks|the big (?:guys|players|boys|shops)|big tech|huge (?:companies|shops|orgs|teams)|massive (?:companies|shops|orgs)|hyperscalers|netflix|google|linkedin|uber)|if (?:youre|you are|you re) (?:netflix|google|linkedin|uber|a bank|huge|massive|enormous|at (?:\\w+ ){0,2}scale))\\b",
  // "X only matters when the delays are large", "only pays off if the volume is huge" (a condition said never to hold in practice)
  "only (?:really |ever )?(?:matters|matter|makes sense|make sense|pays off|pay off|earns its keep) (?:when|if) (?:the |your |our )?(?:\\w+ ){1,2}?(?:are|is|get|gets) (?:really |very |truly )?(?:large|huge|big|massive|enormous|extreme|significant)\\b",
  "(?:netflix|google|linkedin|uber|facebook|meta|amazon|big tech|faang|hyperscaler|hyperscale|internet|web) scale (?:problem|problems|thing|things|concern|concerns|feature|features)\\b",
  // "X just gets in the way" (not "gets in the way only if / unless…", a condition)
  "(?:just |only |really |mostly |always )?(?:gets|get|got|getting) in the way\\b(?! only| unless| if| when)",
  // "X just complicates everything", "X just burns CPU"
  "(?:only|just|merely|simply|mostly) (?:complicates?|complicated|clutters?|cluttered|bloats?|bloated)\\b",
  "(?:only|just|merely|simply|mostly) (?:burns?|wastes?|eats?) (?:\\w+ )?(?:cpu|memory|disk|money|cycles|resources|time|budget)\\b",
  // "…for no real gain", "…for little benefit"
  "for (?:no|little|zero|minimal|marginal|hardly any) (?:real |actual |practical |measurable )?(?:gain|gains|benefit|benefits|value|payoff|upside)\\b",
  // "X causes more problems than it solves", "life's too short for X"
  "(?:causes|cause|creates|create|brings|bring|makes|make) more (?:problems|trouble|issues|pain|work|bugs|incidents|outages|pages|alerts|headaches) than (?:it|they|this|that) (?:would |will |ever )?(?:solves?|solved|fix(?:es|ed)?|prevents?|prevented|saves?|saved|catches|caught)\\b",
  "(?:life|lifes) (?:is )?too short\\b",
  // "X is more risk than benefit"
  "more (?:risk|trouble|pain|cost|hassle|work|overhead|complexity|effort|downside|risk of breakage) than (?:benefit|value|good|gain|upside|payoff)\\b",
  // "we keep them off", "left it unset"
  "(?:keep|leave|kept|left|keeping|leaving) (?:it|them|those|these) (?:off|disabled|unset|out)\\b",
  // "X is a knob I'd never touch", "X is a constraint I'd rather not deal with", "X is a luxury we don't need"
  // ("The benefit is that you don't need a ZooKeeper cluster": a complement clause, not "X is a knob you don't touch".)
  "(?:is|are|s) (?:just )?(?:something |stuff |(?:a|an|one|1|the) (?:\\w+ ){1,3}?|(?:(?!so |because |and |but |if |when |since |then |as |means |on |off |enabled |set |not |no |until |unless |before |after |once |while |that |what |how |why |where )\\w+ ){1,4}?)(?:that |which )?(?:i|we|you|id|wed|youd|ill|ive|weve|people|teams) (?:would |d |can |could |should |just |usually |always |happily |gladly |really |honestly |personally |simply |probably |ever )*(?:(?:never|not|dont|do not|wouldnt|would not|rather not|wont|will not|cant be bothered to|didnt) (?:even |ever |really |actually |usually )?(?:had to |needed to |have to |need to |bothered to )?(?:touch|turn|change|tune|use|set|add|need|bother with|deal with|enable|turn on|switch on|configure|recommend|go near|want|miss|care about|worry about|think about|reach for|trust|ship|run)|leave unset|leave off|leave out|happily ignore|stay out of|stay away from|steer clear of|stay clear of|avoid|skip|ignore|rip out|switch off|turn off|slash|cut|sacrifice|trim|block|veto|drop|remove|kill|delete|comment out|strip out)\\b",
  // "X? In practice nobody does it"
  "(?:nobody|no one|hardly anyone) (?:has |have |actually |really |ever )*(?:does|bothers|cares|misses|missed|visits|visited|looks at|turns on|sets|configures|watches|checks|opens|monitors|notices|acts on|reacts to|responds to|pays attention to)\\b",
  // "X is one of those features you read about and never switch on", "one of those chores we keep pushing back"
  "(?:1|one) of those (?:\\w+ ){1,3}?(?:i|we|you|id|wed|youd|people|teams|everyone) (?:\\w+ ){0,4}?(?:never|rather not|keep pushing|keep putting off|keep meaning to)\\b",
  // "Quotas are a solution to a noisy-neighbour problem we've never had"
  "(?:solution|answer|fix|cure|insurance|protection|guard|defence|defense|workaround)s? (?:to|for|against) (?:a |an |the )?(?:\\w+ ){0,3}?(?:problem|issue|race condition|race|bug|scenario|failure|outage|case)s? (?:that |which )?(?:weve|we have|ive|i have|we|i|youve|you|most teams|nobody|no one) (?:\\w+ )?(?:never|not yet|havent|have not|dont|do not|wont|will not|never will) (?:\\w+ )?(?:hit|had|seen|run into|ran into|encountered|have|has|get|need)\\b",
  // "X is one more thing to go wrong"
  "(?:one more|1 more|another|yet another|just another|one extra|1 extra|an extra) (?:thing|moving part|knob|component|dependency|layer|system|failure mode|point of failure|thing to tune) (?:to (?:go wrong|break|maintain|babysit|worry about|manage|get wrong|fail|operate)|that can (?:go wrong|break|fail))\\b",
  // "X is another service to babysit", "yet another cluster to keep alive"
  "(?:one more|1 more|another|yet another|just another|one extra|1 extra|an extra) (?:\\w+ ){1,3}?(?:to|that needs|we have to|you have to) (?:babysit|forget about|forget|ignore|lose track of|keep alive|maintain|patch|upgrade|operate|look after|worry about|page on|feed)\\b",
  // "X is way too immature", "X is too clever"
  "(?:^|(?:is|are|s|feels|feel|seems|seem|still|costs?) )(?:way |far |much |just |still |a bit |a little |simply )?too (?:immature|new|young|risky|early|bleeding edge|experimental|clever|heavy|heavyweight|unproven|niche|exotic|pricey|costly|expensive|much for what)\\b",
  // "X looks good on a slide", "X sounds great in a demo"
  "(?:looks|look|sounds|sound|is|are|seems|seem) (?:nice |good |great |clever |impressive |fine |lovely |cool )?(?:on a slide|on slides|on a whiteboard|in a demo|in demos|on a diagram|in a diagram|on a resume|on a cv|on an architecture diagram|in an architecture diagram|in a slide deck)\\b",
  // "DLQs are where messages go to die"
  "(?:is|are|s) where (?:\\w+ ){0,3}(?:go|goes|went) to die\\b",
  // "leave X at its default, i.e. off"
  "(?:at|on) (?:its|their|the) defaults? (?:ie|i e|which is|meaning|so|that is|aka) (?:off|1|one|0|zero|none|false|disabled|nothing|unset|empty)\\b",
  // "X is solving a problem nobody has", "X is a solution in search of a problem"
  "(?:solving|solves|solve|solved|fixes|fixing|fix) (?:a |the )?problems? (?:that )?(?:nobody|no one|we dont|i dont|we never|you dont|you never|most teams dont|we do not|we havent|we have not) (?:here |really |actually |ever |even )?(?:has|have|had)\\b",
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
  "(?:that|which) (?:never|rarely|basically never|almost never|hardly ever) (?:happens|happen|comes|occurs|occur|materiali[sz]es|survives|survive|works|ships|lands|gets done|gets built|pays off|comes up)\\b",
  // "…for a failover that happens twice a year"
  "(?:that|which) (?:happens|happen|comes up|occurs|occur) (?:maybe |about |roughly |only |at most )?(?:once|twice|1|2|3) (?:a|per|every) (?:year|decade|quarter|blue moon)\\b",
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
  // Verdict nouns: "X is gold-plating", "X is pedantry", "X is boilerplate", "X is heavy machinery", "a dog's dinner"
  "(?:is|are|s|was|were|feels|feel|seems|seem|sounds|sound)? ?(?:just |pure |mostly |largely |basically |honestly |a bit of |a |an |such a |a real |a total |a right |a big )*(?:gold plating|goldplating|gold plated|pedantry|pedantic|boilerplate|heavy machinery|dogs dinner|dog dinner|minefield|change for change sake|change for changes sake|change for the sake of change|for the sake of it)\\b",
  // Cost framing said as a complaint: "X roughly halves our throughput", "X just doubles your state storage", "X eats CPU".
  // (A plain cost, "TLS costs CPU on brokers", "RF 3 triples the disk writes", is a trade-off, not a verdict.)
  "(?:halves|halve|halving|halved|kills|kill|tanks|tank) (?:our|your|the|producer|consumer) (?:\\w+ ){0,2}?throughput\\b",
  "(?:only|just|merely|simply) (?:doubles|double|doubled|triples|triple|tripled|quadruples|quadruple|multiplies) (?:\\w+ ){0,3}?(?:latency|storage|disk|disk usage|writes|write volume|write load|cost|costs|bill|footprint|cpu|memory|hardware|network|traffic|overhead)\\b",
  "(?:eats|eat|eating|chews|chew|chewing|hogs|hog) (?:through |up )?(?:\\w+ )?(?:cpu|memory|disk|cycles|ram|heap)\\b",
  "(?:doubles|double|doubled|triples|triple|tripled|quadruples|quadruple) (?:\\w+ ){0,2}?(?:bill|bills|spend|invoice)\\b",
  // "…for data we could rebuild": protection for what needs none
  "for data (?:that |which )?(?:we|you|i) (?:can|could) (?:easily |just |always )?(?:rebuild|regenerate|recompute|replay|recreate|reload|rederive)\\b",
  // "X costs too much for what it buys", "X is a lot of bookkeeping for the odd duplicate", "X is too pricey to justify"
  "for what (?:it|they|that|this) (?:buys?|gives?|gets?|adds?|brings?|delivers?|offers?)\\b",
  "(?:is|are|s|was|were) (?:a lot|lots|a ton|tons|loads|an awful lot|a whole lot) of (?:\\w+ ){1,5}?for\\b",
  "(?:too (?:\\w+ )?to|hard to|difficult to) justify\\b",
  // Sarcasm: "X? Sure, and watch your throughput fall off a cliff"
  "(?:and |then )?watch (?:your |our |the )?(?:\\w+ ){0,2}?(?:fall|drop|tank|crater|die|collapse|spike|explode|balloon|grind)\\b",
  // Faint praise: "X sounds responsible, but…", "X sounds clever until…", "X is cool, sure, but…", "X is lovely, I'm sure",
  // "X are pretty but…", "X is a nice gesture / a nice story / a nice party trick / a fancy way of saying…"
  "(?:sounds|sound|looks|look|seems|seem) (?:\\w+ )?(?:nice|lovely|clever|great|neat|cool|pretty|elegant|responsible|sensible|smart|good|fine|appealing|tempting|reassuring|safe|impressive|fancy|grown up) (?:\\w+ ){0,3}?(?:but|until)\\b",
  "(?:is|are|s|sounds?|looks?) (?:\\w+ )?(?:nice|lovely|clever|great|neat|cool|pretty|elegant|fine|good|useful|interesting|fun|impressive|fancy|sweet|cute) (?:i suppose|i guess|im sure|i am sure|sure|i dare say|i daresay|no doubt|i grant you|ill grant you|ill give you that|ill admit|i admit|granted|in fairness|to be fair|admittedly)\\b",
  "(?:is|are|s) (?:very |really |so )?(?:pretty|lovely|cute|shiny|fancy) but\\b",
  "(?:a |an |just a |just an |only a )?(?:nice|neat|cute|fancy|pretty|cool|lovely) (?:gesture|story|party trick|talking point|way of saying|sentiment|toy)\\b",
  // "X is what people reach for when they haven't thought it through"
  "(?:is|are|s) what (?:\\w+ ){1,2}?(?:reach for|turn to|grab|use|bolt on|add|fall back on) when (?:they|you|we|people|teams) (?:\\w+ )?(?:dont|havent|cant|arent|do not|have not|cannot|did not|didnt|lack)\\b",
  // A condition that never applies: "X only if you're a bank", "X only if you're doing billing, which we aren't",
  // "X only if you're producing transactionally, and we never will be", "X would help if our pods restarted often,
  // and they don't", "X only helps if you lose a whole rack, which has never happened to us"
  "only (?:\\w+ ){0,3}?(?:if|when) (?:youre|you are|you re|your|you have|you run|you work at|you work for) (?:\\w+ ){0,2}?(?:netflix|google|linkedin|uber|a bank|bank|banks|huge|massive|enormous|hyperscale|at (?:\\w+ ){0,2}scale)\\b",
  "(?:only (?:\\w+ ){0,3}?(?:if|when|for)|if|when|for (?:people|teams|folks|shops|those|anyone) (?:who|that)) (?:\\w+ ){1,8}?(?:(?:which|and|but) (?:so far |as yet |to date )?(?:we|i|you|they|it|that|this|ours|our \\w+) (?:\\w+ )?|which (?:\\w+ )?)(?:arent|are not|dont|do not|doesnt|does not|never will be|never will|wont|will not|never are|havent|have not|hasnt|has not|never do|never have|has never|never has|never happens|never happened|cant|cannot|can not|isnt|is not|not)\\b(?=(?: \\w+){0,5}$)",
  // Scope that leaves us out: "X is for people with far more brokers than us", "for people with time to migrate",
  // "X is for throughput people"
  "for (?:people|teams|folks|shops|companies|orgs|those) (?:with|who have) (?:\\w+ ){0,4}?(?:than (?:us|we|me|ours)|time (?:to|for)|the time|nothing better)\\b",
  "(?:is|are|s) (?:only |just |really |mostly |strictly )?for (?!most |many |all |some |other |the |real |normal )\\w+ (?:people|folks|nerds|purists|geeks|zealots|fanatics|obsessives|types)\\b",
  // Deferral: "X is one for the release notes", "a project we'll get to eventually, probably never",
  // "chores we keep pushing to next quarter", "X just defers the problem"
  "(?:is|are|s) (?:one|1|something|a thing|a topic) for (?:the |a )?(?:release notes|future|roadmap|backlog|someday|next year|next quarter|later|conference talks|a conference talk|blog posts|textbook|textbooks|slides|version 2|v2|phase 2|(?:later|future|next) (?:sprint|quarter|release|year|phase|version))\\b",
  "(?:maybe|perhaps|possibly|probably) (?:one day|someday|some day|eventually|later|next year|in the future)\\b",
  "on (?:the|our|my) (?:backlog|wish list|wishlist|someday list|someday pile|nice to have list|roadmap for (?:someday|some day|one day|later|next year|the future))\\b",
  "(?:get|got|come|circle|getting) (?:back |round |around )?to (?:it |them |that |this )?(?:eventually|one day|someday|some day|at some point|later|next (?:quarter|year|sprint))\\b",
  "(?:pushing|pushed|push|punting|punted|punt|deferring|kicking|kicked|putting|put|bumping|bumped) (?:\\w+ ){0,3}?(?:to|until|till|into) (?:next|another|a later) (?:quarter|sprint|year|release|month|cycle)\\b",
  "(?:only|just|merely|simply|mostly) (?:defers?|deferring|hides?|hiding|moves?|moving|shifts?|shifting|postpones?|kicks?|pushes?) (?:the |your |our )?(?:problem|problems|pain|issue|issues|failure|failures|outage|outages|bottleneck|risk|can down the road)\\b",
  // Not my problem: "X is something the framework should worry about, not me", "not our problem", "someone else's job"
  "(?:not|isnt|is not|never) (?:really )?(?:my|our|your|the teams) (?:problem|job|concern|department|responsibility|call)\\b",
  "(?:someone|somebody|something) elses? (?:\\w+ )?(?:problem|job|concern|department|project)\\b",
  "(?:worry|care|think) about not (?:me|us|mine|ours)\\b",
  // Sarcasm: "because what every team needs is another X" is in FORWARD_PATTERNS; "as if X ever stopped an outage"
  "(?:has|have|had) ever (?:stopped|prevented|saved|helped|fixed|caught)\\b",
  // "…, so read_committed never comes into it", "X didn't make the cut"
  "(?:never|doesnt|does not|dont|do not|rarely) (?:really |even )?(?:comes? into it|comes? into play|enters? into it)\\b",
  "(?:didnt|did not|never|doesnt|does not|wont|will not) (?:quite )?make (?:the|our|my) (?:cut|list|roadmap)\\b",
  // "X is nice to look at, but…"
  "(?:nice|pretty|fun|lovely|cool|interesting) to (?:look at|read about|talk about|watch|demo)\\b",
  // "Sure, transactions exist.", "Sure, tiered storage exists, but…": acknowledged, not adopted
  "(?<=\\b(?:sure|yes|yeah|okay|ok|granted|fine) (?:\\w+ ){1,4})(?:exists?|is a thing|are a thing)(?: but\\b|$)",
  // "X is the framework's job, not ours"
  "(?:problem|job|concern|responsibility|department|call|worry) not (?:ours|mine|us|me)\\b",
  // "X sounds right until one key takes half the traffic" (not "sounds like magic until you see how it works")
  "(?:sounds|sound|looks|look|seems|seem) (?:\\w+ ){1,2}?until\\b(?! you (?:see|realise|realize|understand|learn|look|read|know|try it))",
  // A config value that switches it off: "num.standby.replicas stays at 0", "compression.type stays at none"
  // ("…all the state for one card sits on one task": a place, not a value left at 1.)
  "(?:stays?|stayed|remains?|remained|sits?|sat|left|kept|keeps) (?:at|on) (?:0|zero|none|false|off|disabled|nothing|1(?! (?:task|partition|thread|broker|node|instance|worker|machine|consumer|server|core|host|pod|slot|subtask|shard|member|disk|rack|leader|replica)s?\\b)|at least once|at most once|read uncommitted|(?:the |its )?(?:broker |stock )?default)\\b",
  "(?:stays?|stayed|remains?|remained|left|kept|keeps) (?:unset|empty|blank|commented out)\\b",
  // Round 5. Another team's job: "X is really the storage team's job", "the release team's problem, if they want one"
  "(?:is|are|s|it|that) (?:really |mostly |just |usually |more |honestly )?(?:the |our )?(?:\\w+ ){0,2}?(?:team|teams|folks|ops|sres?|dbas?|lot|crowd|department) (?:job|problem|call|concern|responsibility|department|remit|business|lookout|headache)\\b",
  // Another phase: "X can come in a later phase", "can come with the multi-tenant phase"
  "(?:can|could|will|ll|should) (?:always )?(?:come|wait|go in|land|follow) (?:in|with|after|during) (?:a |an |the )?(?!first |initial |same |current )(?:\\w+ ){0,2}?(?:phase|stage|milestone|iteration|release|version)\\b",
  // Faint praise with nothing after it: "X is a nice idea; our handlers just insert", "a nice thought"
  "(?:is|are|s) (?:a |an )?(?:very |really |lovely |perfectly )?(?:nice|lovely|noble|neat|pleasant|cute|sweet|charming) (?:idea|thought|ideal|sentiment|aspiration|theory|notion)s?\\b(?! (?:to|for|because|since|and (?:it|they|we|i)|if|when|that (?:works|pays|helps)))",
  // "X sounds right, but…", "looks tidy in the docs, but I'd rather…"
  "(?:sounds?|looks?|seems?|reads?) (?:\\w+ )?(?:right|tidy|nice|neat|good|great|clever|elegant|sensible|reasonable|principled|correct|responsible|lovely|textbook|simpler|cleaner)(?: (?:in|on) (?:the |a )?(?:\\w+ )?(?:docs|paper|theory|slides?|demos?|talks?|diagrams?|whiteboard|blog posts?))?(?: \\w+){0,4}? but\\b",
  // Disparagement: "a vendor talking point", "a bit of a stunt", "a security-team tick-box", "a Kafka oddity"
  "(?:is|are|s|feels?|seems?|sounds?|looks?|it|that|theyre) (?:like )?(?:just |mostly |honestly |basically |really |frankly )*(?:a |an |bit of a |a bit of a |a bit of |more of a |such a )?(?:\\w+ ){0,2}?(?:talking points?|stunts?|tick box(?:es)?|tickbox(?:es)?|oddity|oddities|curiosity|novelty|fads?|science project|museum piece|party trick)\\b",
  // "feels a bit Burrow-era", "is old hat"
  "(?:feels?|seems?|looks?|sounds?|is|are|s) (?:a bit |very |rather |quite |so |pretty |a little |kind of )?(?:\\w+ )?(?:era|old school|old fashioned|old hat|dated|quaint|retro)\\b",
  // "cleverer than it needs to be", "more theory than anything I've needed"
  "than (?:it|they|this|that) (?:really )?(?:needs?|has|have|ought|had) to be\\b",
  "more (?:\\w+ )?(?:theory|theoretical|academic|hype|marketing|ceremony|ritual|paperwork|fashion|habit) than\\b",
  "(?:is|are|s) (?:a lot of|lots of|loads of|a load of|a pile of|a ton of|tons of) (?:extra )?(?:admin|faff|ceremony|bookkeeping|paperwork|yaml|plumbing|babysitting|toil|hoops)\\b",
  "where (?:\\w+ ){1,2}?(?:go|goes|went) to (?:die|be forgotten|rot|be ignored)\\b",
  "(?:never|hasnt|has not|havent|have not|didnt|did not) (?:\\w+ )?(?:came|come|comes) up\\b",
  "(?:never|not yet|havent|have not|didnt|did not) (?:\\w+ )?(?:got|get|gotten) (?:round|around) to\\b",
  "(?:isnt|is not|arent|are not|wasnt|not|never) (?:\\w+ )?on (?:the|our|my|anyone|anybody) (?:list|roadmap|radar|backlog|agenda|todo list|priority list)\\b",
  // Another mechanism makes it unnecessary: "…, so replication of 3 is paying twice"
  "(?:is|s|are|means|like) (?:just |basically |really |effectively )?paying (?:for (?:it|that|\\w+) )?twice\\b",
  "(?:is|are|s) (?:something|a job|work|stuff|a thing) (?:that |which )?(?:the |our |a )?(?:\\w+ ){1,3}?(?:can|could|will|does|do|handles?|ll) (?:\\w+ ){0,3}?(?:at (?:query|read) time|downstream|later|eventually|for free|anyway|(?:once|when) (?:we|you) know)\\b",
  // Conditions said never to hold: "only matters if…, and ours are servers", "acks=all only if product insists"
  "only (?:\\w+ ){0,4}?(?:if|when|with|for) (?:\\w+ ){1,8}?(?:and|but|whereas|while) (?:ours|our \\w+) (?:\\w+ )?(?:are|is|re|s|sit|stay|run)\\b",
  "only (?:if|when) (?:\\w+ ){1,3}?(?:ever )?(?:insists?|asks? for it|demands? it|forces? (?:us|me|it)|makes? us|complains?)\\b",
  "(?:not|isnt|never) (?:something|anything|a thing) (?:that )?(?:i|we|id|wed|youd|ill|well|ive|weve) (?:would |d |ever |really )*(?:\\w+ )?(?:plan|design|build|architect|worry|lose sleep|think) (?:around|about|over)\\b",
  // Cost as a complaint: "X just delays your results", "X slows every release"
  "(?:only|just|merely|simply) (?:delays?|delayed|postpones?|holds? up|holds? back|slows? down) (?:the |your |our |every |all )?(?:\\w+ )?(?:results?|output|outputs|writes?|releases?|deploys?|pipeline|jobs?|processing|everything)\\b",
  "(?:slows?|slowed|delays?|delayed|holds? up|blocks?) (?:down )?every (?:single )?(?:release|deploy|deployment|build|change|merge|commit)\\b",
];
/** The speaker refusing, hedged as people speak ("we'd really rather not", "I, kind of, don't"). */
const REFUSING_SUBJECT = "(?:i|we|id|wed|ive|weve)(?: d| would| really| just| honestly| personally| probably| simply| certainly| definitely| usually| kind of| sort of| you know| like)*";
const REFUSAL = "(?:dont|do not|didnt|did not|wouldnt|would not|wont|will not|cant|cannot|can not|couldnt|never|not|rather not|d rather not|would rather not|never will|never did|arent|are not)(?: really| even| actually| ever| you know)*";
/**
 * Refusals with no object of their own ("…; in practice we don't bother", "…, so we don't key at all", "…? I
 * wouldn't.", "We said no."): they wave away what was said before them, back past their own clause. Each must
 * end its clause (see endsClause), and one that answers a denial ("Who ships it without transactions? I
 * wouldn't.") agrees with it instead.
 */
const OBJECTLESS = [
  // Doing nothing: "…, so we've stopped looking", "We've learned to look the other way."
  `${REFUSING_SUBJECT}(?: \\w+){0,3}? (?:stopped|stop|quit) (?:looking|checking|caring|paying attention|worrying)`,
  `${REFUSING_SUBJECT}(?: \\w+){0,3}? (?:look|looked|looking) the other way`,
  // "we don't", "I wouldn't", "we'd rather not", "we never will", "we don't bother"
  `${REFUSING_SUBJECT} ${REFUSAL}(?: (?:bother|do|use|need|care|want|plan to|intend to|go there|do that|touch|enable|set|configure|run|build|deploy|have|bother either))?(?: at all| any| either| anymore| again| though| personally| really)?`,
  // "we don't key at all", "we didn't build any"
  `${REFUSING_SUBJECT} ${REFUSAL} \\w+ (?:at all|any|anymore|either)`,
  // "…, but we don't care about ordering enough to bother"
  "(?:i|we|you) (?:\\w+ ){1,5}?enough to (?:bother|care|justify it|matter)",
  // "Someone suggested X last quarter. We left things as they were."
  `${REFUSING_SUBJECT}(?: \\w+){0,2}? (?:left|kept|leave|keep) (?:things|it|everything|that|the \\w+) (?:as (?:it|they) (?:was|were|is|are)|as is|alone|unchanged|where (?:it|they) (?:was|were))`,
  // "X — we'll revisit once we're past the pilot", "I said we'd cross that bridge when we come to it"
  `(?:well|ill|wed|id|we|i)(?: will| would| d| can| just)? (?:revisit|reconsider|decide|look again|think again|cross (?:that|the) bridge)(?: (?:it|that|this))? (?:\\w+ ){0,2}?(?:${LATER_PHASE}|when (?:we|you|i) (?:come|get) (?:to it|there))(?: \\w+){0,3}?$`,
  // "Do I want that overhead on every batch? Absolutely not."
  "(?:absolutely|definitely|certainly|hell) (?:not|no)|no way|not a chance|not likely",
];
/**
 * What an alternative is said to be good enough for ("…; for logs, at-most-once is plenty", "…; a cron job
 * polling updated_at does the job", "…; we're fine with 1"): the practice named in the stretch before it is
 * passed over. Not when that stretch recommends or denies something, nor when the subject points back at it
 * ("Use acks=all; that is enough").
 */
const SUFFICES = [
  "(?:is|are|s|was|were|seems|feels) (?:more than |usually |easily |perfectly |quite |already |still )?(?:plenty|enough|sufficient|adequate|good enough|fast enough|close enough|safe enough|reliable enough|durable enough|accurate enough)\\b",
  "(?:does|do|did) (?:the job|the trick|fine|just fine)\\b",
  "(?:gets|get|got) the job done\\b",
  "(?:were|we are|we re|im|i am|youre|you are) (?:perfectly |totally |quite |just |absolutely )?(?:fine|happy|ok|okay) with\\b",
  "(?:is|are|s) all (?:the (?:\\w+ ){1,2})?(?:we|you|i|anyone|most teams) (?:really |actually |ever )?(?:need|needs)\\b",
];
/**
 * Settling on something else ("…. We went with processing time", "In the end … we stayed on the heap"): like SUFFICES,
 * passes over the stretch or the question or proposal before. Not "we stuck with it", which keeps what it points at.
 */
const REPLACES = [
  "(?:we|i|they|the team) (?:\\w+ ){0,6}?(?:went back to|switched back to|moved back to|go back to|gone back to|reverted to|fell back to)\\b",
  "(?:we|i) (?:just )?nodded (?:\\w+ )?(?:and|then)\\b",
  "(?:we|i|they|the team|teams) (?:just |then |eventually |finally |simply |ultimately |happily |d |would |ll )?(?:went with|go with|going with|stuck with|stick with|sticking with|stayed on|stayed with|stay on|stay with|settled on|settled for|fell back to|fall back to|falling back to|reverted to|make do with|made do with|get by with|got by with|live with|lived with)(?! it\\b| them\\b| that\\b| this\\b| those\\b| one\\b)\\b",
];
/** Running with the lowest setting instead ("…costs us availability every time a broker restarts, so we run with 1"). */
const LOWERS = ["(?:we|i|they) (?:just )?(?:run|go|went|ship|shipped|settle|settled) with (?:just |only |a mere )?(?:1|one|0|zero|none|nothing)\\b"];
/** Predicates that wave away only what a pronoun in them stands for ("…, so we don't use them", "I'd never add one"). */
const PRONOUN_BACKWARD = [
  // "We read it, nodded, and never set it", "…and I don't expect we will", "don't think about it"
  "(?:and|then) never (?:\\w+ )?(?:set|used|use|enabled|turned on|configured|touched|took|added|opened|looked at) (?:it|them|one|1)\\b",
  "(?:dont|never|not) (?:even |ever )?(?:think|worry) about (?:it|them|that|those)\\b",
  // "…; most apps never need them"
  "(?:most|nearly all|the vast majority of) (?:\\w+ ){1,2}?(?:never|dont|do not|rarely|wont|will never|seldom) (?:really |actually |even )?(?:need|use|touch|bother with|turn on|enable) (?:it|them|that|those|this|these|one)\\b",
  "(?:ive|i have|weve|we have|id|wed) (?:still )?yet to see (?:it|them|that|this|those|these) (?:\\w+ ){0,2}?(?:save|help|matter|pay off|make a difference|catch|prevent|stop|work)\\b",
  "(?:ill|i will|well|we will) believe (?:it|that|this|they) (?:\\w+ ){0,2}?when (?:i|we) see (?:it|them|that)\\b",
  "(?:we|you|i) (?:can |could )?(?:always|just) (?:recreate|rebuild|replay|redo|regenerate|reload|restore) (?:it|them|that)\\b",
  "(?:got|get|getting|gotten|gone|went|ran|run|coped|cope) (?:on |by |along )?(?:fine |just fine |ok |okay |happily )?without (?:it|them|that|one|1)\\b",
  "(?:and |so |but )?(?:frankly |honestly )?(?:it|they|that) can (?:stay|sit|wait) (?:there|on the \\w+|where (?:it|they) (?:is|are))\\b",
  // "we give it a wide berth", "leave it at one": an idiom of avoidance or a lowest setting aimed at a pronoun
  "(?:give|gave|giving) (?:it|them|that|those) a (?:wide|very wide|good) berth",
  "(?:keep|kept|leave|left|keeping|leaving) (?:it|them|that) at (?:1|one|0|zero|none)\\b",
  "(?:id|wed|i|we) (?:would |d )?(?:never|not|wouldnt|would not) (?:really |ever )?trust (?:it|them|that|those)\\b",
  // "Compaction: tried it, hated it", "we've lived without it for years"
  "(?:hated|hate|disliked|dislike|cant stand|loathe|loathed) (?:it|them|that|those)\\b",
  "(?:lived|live|living|managed|manage|coped|cope|got along|get along|survived|survive|done fine|do fine|been fine|are fine|were fine) without (?:it|them|that|one|1)\\b",
  // "X? … we don't use them", "I'd never add one", "I don't think about it": a negated use aimed at a pronoun
  "(?:i|we|id|wed|ive|weve) (?:would |d |really |just |honestly |personally |simply |probably |even )*(?:dont|do not|never|wont|will not|wouldnt|would not|didnt|did not|ve never|have never) (?:even |really |actually |ever |usually |you know |like |kind of |sort of )*(?:use|used|need|needed|run|set|enable|enabled|want|configure|configured|touch|touched|take|taken|took|tried|add|added|have|miss|missed|turn on|turned on|care about|bother with|looked at|opened|design around|plan around|build around|alert on|page on|track|monitor|rely on|count on|needed (?:an? |any )?(?:alert|alarm|dashboard|page)s? (?:on|for)|need (?:an? |any )?(?:alert|alarm|dashboard|page)s? (?:on|for)) (?:it|them|one|1|those|these|that)\\b",
];
/**
 * A consequence waved away ("…never bothered us", "we sleep fine", "it sorts itself out"): like
 * BACKWARD, and it also reaches the short, questioning or proposing sentence before ("Cooperative rebalancing got a lot
 * of press. Frankly the stop-the-world pauses never bothered us.").
 */
const WAVED_CONSEQUENCES = [
  // "…never bothered us", "we sleep fine", "we've never regretted it", "without shedding a tear" (not "the errors went away",
  // which is as often what adopting a practice did)
  "(?:never|didnt|doesnt|dont|hasnt|havent|has never|have never) (?:really |actually |once )?(?:bothered|hurt|bit|bitten|affected|troubled|worried) (?:us|me|anyone|them)\\b",
  "(?:we|i) (?:still |all |both )?(?:sleep|slept|sleeping) (?:fine|well|soundly|just fine|ok|okay|like a baby)\\b",
  "without (?:shedding|losing) (?:a |any )?(?:tear|tears|sleep)\\b",
  "(?:sorts?|sorted|sorting) (?:itself|themselves) out\\b",
  "(?:we|i|you|id|wed|youd) (?:just |simply |usually |always )*wait (?:it|them|that) out\\b",
  "(?:never|not once|havent|have not|ve never|have never) (?:\\w+ )?regretted (?:it|that|this|them)\\b",
];
/** A quip that is its whole sentence: "Very sensible." after an absurd setup. */
const QUIP = /^(?:very|how|oh so|so|most|really|terribly|how very) (?:sensible|wise|prudent|clever|responsible|grown up|reasonable|thorough|robust)$/;
/**
 * Sarcasm that needs no object ("What could be better?", "…my favourite way to throw history away", "I just love watching
 * progress bars", "…because one stream wasn't confusing enough"): the whole sentence is waved away, and the one before when
 * the sarcasm opens its sentence.
 */
const SARCASM = [
  "what could (?:possibly )?(?:be better|go wrong)",
  "my (?:\\w+ )?favou?rite (?:way|thing|feature|part|pastime)",
  "now (?:i|we|you) (?:get|have) to",
  "(?:i|we) (?:just |simply |really )?(?:love|adore|enjoy|live for) (?:watching|waiting|debugging|staring|babysitting|reading|getting paged|being paged)",
  "(?:im|i am) sure (?:\\w+ ){1,5}?(?:will|would) (?:love|enjoy|appreciate|thank us for) (?:it|that|this|them)",
  "because (?:\\w+ ){1,5}?(?:wasnt|werent|isnt|arent|was not|were not) (?:\\w+ )(?<!(?:\\d|many|much|few|big|large|fast|quick|long|good) )enough",
  "^oh (?:sure|right|good|great|brilliant|wonderful|lovely|fantastic|joy|perfect|goody)",
  QUIP.source,
];
/**
 * Working round a practice when it bites ("If a savepoint takes too long we kill the job", "When the compatibility check
 * blocks a deploy, we just set the subject to NONE"): the condition, which names it, is waved away with the workaround.
 */
const WORKAROUNDS = [
  "(?:if|when|whenever) (?:\\w+ ){1,6}?(?:takes? too long|gets? (?:slow|in the way|annoying)|is slow|blocks?(?: \\w+){0,2}?|fails?|fills? up|complains?|times? out|throws? \\w+) (?:we|i|you) (?:just |simply |then |quietly )?(?:kill|flip|override|bypass|skip|disable|turn|switch|set|drop|shorten|ignore|restart|delete|wipe|nuke|reset)\\b",
];
/**
 * Putting it off, or leaving a weak value, with the practice inside the words matched ("We'll add a DLQ in the hardening phase",
 * "the SRE team will add lag dashboards eventually", "I leave min.insync.replicas at 1", "a grace of zero"): those words, and
 * what a pronoun among them stands for ("…; we'll do that when audit asks").
 */
const OWN_WITH_PRONOUNS = [
  // Not "you can add partitions later": a generic "you" states what is possible, not a plan.
  `(?:well|ill|theyll|(?:we|i|they|ops|sres?|dbas?|someone|somebody|the (?:\\w+ ){0,2}?(?:team|teams|folks|people|lot|crowd)) (?:will|can|could|might|may)) (?:\\w+ )?(?:add|bolt on|turn on|switch on|set up|roll (?:it |them |those |that )?out|do|tune|revisit|look at|look into|sort out|configure|enable|build|introduce|deal with|worry about|think about|tackle|move to|get to)(?: \\w+){0,5}? ${LATER_PHASE}`,
  "(?:i|we|id|wed|ill|well) (?:\\w+ )?(?:leave|left|keep|kept|run|ran) (?:(?!not |never |it on|them on)\\w+ ){0,4}?at (?:1|0|none|(?:the |its |their )?(?:broker |stock |old |existing )?defaults?)\\b",
  "(?:gets?|got|given|with|has|have) (?:a |an )(?:\\w+ ){1,2}?of (?:0|zero|none|1)\\b(?! (?:\\w+ )?(?:per|for each|or more))",
  "(?:with|gets?|got|given|has|have|use|uses) (?:a |an )(?:0|zero) (?:\\w+ )?(?:bound|grace|timeout|delay|lateness|retention|interval|buffer)\\b",
];
/** Concessions that turn into a verdict ("X is less of an issue than it sounds"); said of a cost ("the overhead is…"), they agree with the practice. */
const CONCESSIONS = [
  "(?:less|smaller|not as|not so|not nearly as|much less|far less) (?:\\w+ ){0,4}?(?:than|as) (?:it|they|that|this|people|everyone|folks|the docs|the \\w+) (?:\\w+ )?(?:sounds?|seems?|looks?|think|claim|suggest|make out)\\b",
];
/** Words that make what a concession is about a cost, not the practice. */
const COST_WORDS = new Set(["cost", "costs", "overhead", "latency", "round", "penalty", "price", "slowdown", "pause", "pauses", "bill", "expense"]);
/** After a forward cue, words that leave its object before it ("Compaction I'd hold off on until…", "X I'd leave to the platform team"). */
const FRONTED_NEXT = new Set(["until", "till", "unless"]);
/** Pivots that still end a preference's object ("I'd rather X than Y, because…"). */
const TURN_WORDS = new Set(["but", "because", "since", "so", "instead"]);
const MAKING = new Set(["make", "makes", "made", "render", "renders", "rendered"]);
const NOT_MAKING = new Set(["doesnt", "dont", "didnt", "wont", "never", "not", "cant", "cannot"]);
/** Forward cues written as patterns: the words after them are waved away. */
/** Cues that set a value ("we set X=0", "run with compression.type=none"), and the values that switch a practice off. */
const SET_VERBS = ["set", "run with", "running with", "runs with", "ran with", "ship with", "ships with", "configured", "configure"];
const OFF_VALUE_WORDS = ["0", "zero", "none", "false", "off", "disabled"];
const FORWARD_PATTERNS = [
  // Comparison and substitution: "a nightly job beats Kafka transactions", "retries are better than idempotence",
  // "Grafana tells you more than consumer lag ever will", "a script does everything static membership does",
  // "a big heap does the job of RocksDB" (not "nothing beats X")
  "(?:beats|beat|trumps|trump|outperforms) (?!(?:\\w+ ){1,3}by (?:up to |about |roughly |around |over |\\d))",
  "(?:better|simpler|easier|more useful|more reliable|more effective) than ",
  "(?:tells|tell|gives|give|shows|show|catches|catch|says|say|teaches|teach) (?:you |us )?(?:far |much |a lot )?more than ",
  "than(?= (?:\\w+ ){1,4}ever (?:will|would|could|did|does)\\b)",
  "(?:does|do|did|gets? you|gives? you|got you|gave you|covers?|buys? you|offers?|handles?) (?:basically |pretty much |practically |almost |essentially |roughly |just about )?(?:everything|all|most of what|whatever)(?: that)?(?= (?:\\w+ ){1,5}(?:does|do|did|gives?|offers?|buys?)\\b)",
  "(?:does|do|did|doing) (?:the job|the work) of",
  // Bypassing: "our sink skips the two-phase commit and writes directly to the database"
  "(?:skips|skipped|bypasses|bypassed|avoids|avoided|ignores|ignored)(?= (?:\\w+ ){1,5}(?:and|to) (?:writes?|wrote|goes?|went|sends?|sent|talks?|calls?|posts?|hits?) (?:\\w+ )?(?:directly|straight))",
  // Handing it to someone else: "leave min.insync.replicas to the platform team", "I'd leave it to them"
  "(?:leave|leaving|left)(?= (?:\\w+ ){0,4}to (?:them|the (?:\\w+ ){0,2}?(?:team|people|folks|lot|crowd|dbas?|ops|admins|sres?|specialists|experts|vendor)))",
  // Doing nothing: "we just let the lag build up"
  "(?:just|simply) let(?= (?:the |it |them |our )?(?:\\w+ ){0,2}?(?:build up|pile up|ride|accumulate|grow|sort itself out|sort themselves out)\\b)",
  // Lowering it when it bites: "we override min.insync.replicas to 1", "we shorten retention to an hour"
  "(?:override|overrode|overrides|overridden|lower|lowered|lowers|dial down|dialled down|dialed down|turn down|turned down|shorten|shortened|shortens|slash|slashed|knock|knocked)(?= (?:(?!not |never )\\w+ ){1,4}(?:down )?to (?:1|one|0|zero|none|a minimum|the minimum|an hour|a minute|1 (?:hour|minute|day))\\b)",
  // Sarcasm: "Yes, let's take a savepoint before every deploy", "Fantastic idea, let's make every consumer idempotent"
  "(?:sure|great|brilliant|wonderful|fantastic|lovely|perfect|excellent|fantastic idea|great idea|brilliant idea|wonderful idea|yes|yeah) (?:lets|let us|by all means)",
  "because what (?:\\w+ ){0,4}?(?:needs?|needed|wants?|wanted) (?:is|are|was|were)",
  // Deferral until it hurts: "we'll think about how many partitions a topic needs when it starts to hurt"
  "(?:well|ill|we will|i will|we ll|i ll|we can|you can|well only|ill only) (?:\\w+ )?(?:look at|look into|revisit|consider|get to|think about|worry about|deal with|add|bolt on|set up|turn on|fix|tackle)(?=(?: \\w+){0,10} " + LATER_WHEN + ")",
  // Sarcasm: "because what every team needs is another X", "oh sure, let's add X and…"
  "what (?:\\w+ ){0,3}?(?:needs?|wants?) (?:is|are) (?:another|more|yet another|one more|an extra)",
  "oh (?:sure|yes|yeah|great|good|right|wonderful|brilliant|absolutely),? (?:lets|let us|let|just|go ahead and|by all means)",
  // Deferral: "we'll look at X next year, maybe" (not "I'll look at consumer lag first")
  "(?:well|ill|we will|i will|we ll|i ll|we might|we may|we could|maybe we ll) (?:\\w+ )?(?:look at|look into|revisit|consider|get to|think about|circle back to|evaluate|try)(?=(?: \\w+){1,8} (?:next (?:year|quarter|sprint|release)|one day|someday|some day|eventually|later|at some point|in the future))",
  // Deferral: "I'd happily wait on KIP-848 until…", "we'd hold out on X"
  "(?:id|wed|i would|we would|i d|we d|ill|well) (?:happily |gladly |just |rather |probably |definitely )?(?:wait on|wait with|hold out on|sit out)",
  // "at_least_once is what I'd pick over exactly-once": what is passed over
  "(?:pick|picks|picked|choose|chooses|chose|prefer|prefers|preferred|favour|favor|favoured|favored)(?: (?!not |never )\\w+){0,6}? over",
  // "we set num.standby.replicas=0", "set the grace period to zero", "we run with compression.type=none": a practice switched off
  `(?:${SET_VERBS.join("|")})(?= (?:(?!not |never |rather |instead |than |but |and )\\w+ ){1,4}(?:to )?(?:${OFF_VALUE_WORDS.join("|")})\\b)`,
  // "we'd rather eat the occasional duplicate than run transactions"
  "(?:id|wed|youd|i would|we would|you would|i d|we d) (?:much |just |honestly |really )?rather (?:(?!not )\\w+ ){1,16}?than",
  // Persuading others off it: "I talked the team out of cooperative sticky", "can I talk you out of event time?"
  "(?:talk|talked|talking|talks) (?:(?!about |to |with |through |over |running |run |ran |going |went |being |getting |got )\\w+ ){1,3}?out of",
  // "the less you lean on X, the better"
  "the (?:less|fewer) (?:you|we|one|i|teams|people) (?:\\w+ )?(?:lean on|rely on|use|touch|depend on|need|have|bother with|deal with)",
];
/** Verbs that open a clause whose subject stands before its comma ("X, or Y, is overkill"). */
const COPULAS = new Set(["is", "are", "was", "were"]);
/** A clause opening with one of these sums up what came before it ("…, all overkill"; "…; it's pointless"). */
const SUMMARY_WORDS = new Set(["all", "both", "each", "it", "its", "they", "theyre", "theyd", "ours", "these", "those", "that", "thats", "this", "which", "everything", "none", "them"]);
const SETS_VALUE = new Set(SET_VERBS);
const OFF_VALUES = new Set(OFF_VALUE_WORDS);
/** Pronouns that, opening a sentence, point at the whole statement before it. */
const DEMONSTRATIVES = new Set(["that", "thats", "this"]);
const PRONOUNS = new Set(["it", "them", "that", "this", "those", "these", "its", "they", "theyre", "thats", "one", "ours", "theyd", "theyll", "itd", "itll"]);
/** Words that turn from what the candidate dismisses to what they would do instead. */
const PIVOT_WORDS = new Set(["by", "via", "use", "using", "enable", "prefer", "move", "moving", "switch", "migrate", "adopt", "upgrade", "choose", "pick", "rely", "go", "set", "keep", "stick", "want", "instead", "just", "rather", "but", "because", "since", "so"]);
/** Words a speaker puts before the subject ("honestly, that is overkill"). */
const FILLERS = new Set(["honestly", "frankly", "really", "just", "basically", "personally", "imo", "imho", "tbh", "actually", "realistically", "so", "well", "and", "in", "my", "opinion", "experience", "practice", "real", "life", "reality", "production", "mate", "yknow"]);
/** Conjunctions that open a clause without being its subject ("…, but it only makes things harder"). */
const CONJUNCTIONS = new Set(["but", "and", "so", "because", "though", "although", "however", "yet", "since", "as"]);
/** Words that break a sentence's statements for negation, but not for what "that" points back to ("X instead of Y, but that…"). */
const SOFT_BREAKS = new Set(["instead", "actually", "though", "although"]);
/** Words that may trail a dismissal without being its object ("X I'd avoid as well", "…skip it entirely"). */
const TRAILING_FILLERS = new Set(["as", "well", "too", "also", "entirely", "altogether", "completely", "personally", "honestly", "if", "i", "can", "now", "anyway", "either", "here", "then", "really", "for", "us", "frankly", "though", "again", "for", "now", "indefinitely", "forever", "probably", "and", "won", "the", "argument", "it"]);
/** Words that deny the dismissal right after them ("not overkill"). */
const NEGATORS = new Set(["not", "never", "isnt", "arent", "hardly"]);
/** How short a sentence saying a value suffices is when it answers the one before ("An hour's plenty."). */
const SHORT_VERDICT = 4;
/** How short a sentence is when a pronoun in the next one may stand for all of it ("Compaction?"). */
const SHORT_SENTENCE = 8;
/** How short what a pronoun stands for is when it may itself be a pronoun followed once more ("They're still there"). */
const SHORT_REFERENT = 4;

/** Words after "is off" / "disabled" / "false" / "stays at 0" that make it a description of a default or a condition ("off by default", "off unless", "stays at zero only if…"). */
const DEFAULT_QUALIFIERS = new Set(["unless", "until", "except", "if", "only"]);

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
  /** A refusal with no object: waves away what was said before its clause (OBJECTLESS). */
  objectless?: boolean;
  /** An alternative said to suffice: passes over the stretch before its own (SUFFICES, REPLACES). */
  suffices?: boolean;
  /** The lowest setting run instead (LOWERS): also passes over what a consequence clause ("so…") follows from. */
  lowers?: boolean;
  /** A consequence waved away (WAVED_CONSEQUENCES): also reaches a short, questioning or proposing sentence before. */
  consequence?: boolean;
  /** Sarcasm (SARCASM): the whole sentence. */
  sarcasm?: boolean;
  /** A workaround (WORKAROUNDS): the words it matched. */
  own?: boolean;
  /** Putting off or leaving a weak value (OWN_WITH_PRONOUNS): the words it matched and what a pronoun in them stands for. */
  ownPronouns?: boolean;
  /** A concession ("less of an issue than it sounds"): said of a cost, it agrees with the practice. */
  concession?: boolean;
}

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const COMPILED: Compiled[] = [
  { re: new RegExp(`\\b(?:${STANCE_SUBJECT} (?:${MODAL} )*(?:not |never )?)?${STANCE_VERBS}\\b`, "g"), direction: "forward", stance: true },
  { re: new RegExp(`\\b(?:${ANYWHERE_FORWARD.map(escape).join("|")})\\b`, "g"), direction: "forward" },
  ...FORWARD_PATTERNS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "forward" })),
  ...BACKWARD.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward" })),
  ...PRONOUN_BACKWARD.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", pronounOnly: true })),
  ...OBJECTLESS.map((source): Compiled => ({ re: new RegExp(`\\b(?:${source})\\b`, "g"), direction: "backward", objectless: true })),
  ...SUFFICES.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", suffices: true })),
  ...REPLACES.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", suffices: true })),
  ...LOWERS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", suffices: true, lowers: true })),
  ...WAVED_CONSEQUENCES.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", consequence: true })),
  ...CONCESSIONS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", concession: true })),
  ...OWN_WITH_PRONOUNS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", ownPronouns: true })),
  ...WORKAROUNDS.map((source): Compiled => ({ re: new RegExp(`\\b${source}`, "g"), direction: "backward", own: true })),
  ...SARCASM.map((source): Compiled => ({ re: new RegExp(source.startsWith("^") ? source : `\\b${source}`, "g"), direction: "backward", sarcasm: true })),
];
/** The expressions in order: what regex-needs.ts indexes, and what its tests check the needs against. */
export const STANCE_EXPRESSIONS: readonly RegExp[] = COMPILED.map(({ re }) => re);

let compiledNeeds: NeedIndex | undefined;
/** What each of COMPILED needs among an answer's words, worked out on first use (once per process). */
const needsOfCompiled = (): NeedIndex => (compiledNeeds ??= needIndexFor(STANCE_EXPRESSIONS));
/**
 * A dismissal conceded and then overturned: "X is a tax, but one well worth paying", "X costs extra disk, but for a
 * store that takes an hour to restore they're worth every byte" (further off only when a pronoun says it), "X costs some CPU, but zstd pays that back",
 * "X adds a round trip; I'd still use it", "X costs memory, which is the price of…", "…, but without it late events are lost".
 */
const OVERTURNED = /^ ?(?:(?!not |isnt |arent |never |hardly |no |dont |wont )\w+ ){0,14}?(?:theyre|they are|they re|its|it is|it s|thats|that is|which is) (?:well |still |definitely |totally )?worth\b|^ ?(?:(?!not |isnt |arent |never |hardly |no |dont |wont )\w+ ){0,8}?(?:(?:well |still |totally |absolutely |definitely )?worth (?:it|paying|having|doing|the|every)|(?:i|we|you|id|wed|youd) (?:happily |gladly |still |just |willingly )?(?:accept|pay|eat|take) (?:it|that|them|the cost|the hit|the overhead)|(?:a )?(?:price|cost) worth paying|(?:a )?small price|pays? (?:that |it |this |them |for itself |for themselves )?(?:back|off)|pays for (?:itself|themselves)|(?:i|we|id|wed|youd) (?:would |d )?(?:still|always) (?:use|run|enable|want|recommend|pick|choose|turn|set|keep|take|pay)|(?:i|we|id|wed) (?:would |d )?(?:still |always |happily )?(?:use|run|enable|keep|leave) (?:it|them) (?:on )?(?:everywhere|anyway|regardless|by default)|(?:it|its|it is|thats|that|that is|they|theyre|they are) (?:still )?the only (?:\w+ ){0,2}?(?:way|thing|option|choice|fix|guarantee)|cheap(?:est)? insurance|(?:the )?only (?:sensible|sane|safe|right) (?:choice|option|way)|(?:is |s )?the price (?:of|for)|but without (?:it|them|that|this|those)|(?:turning|switching|taking|leaving) (?:it|them|that|those) (?:off|out|away) (?:means|would mean|leads to|causes|costs|risks))\b/;
/** Lead-ins before a clause's subject: "I think it's mostly cargo cult", "I'd say that's overkill", "we agreed it wasn't worth it". */
const OPINION_VERBS = new Set(["think", "guess", "feel", "reckon", "believe", "find", "suspect", "say", "mean", "thought", "felt", "found", "said", "agreed", "decided", "concluded", "figured", "realised", "realized", "reckoned", "believed", "knew", "know", "told"]);
/**
 * A sentence that puts a practice on the table ("Someone suggested log compaction for the customer topic.",
 * "Static membership came up in the design review.", "We looked at RocksDB for the large joins."): a refusal that
 * follows ("We said no.", "I pushed back.", "We agreed it wasn't worth it.") waves all of it away, however long.
 */
const PROPOSAL = /\b(?:(?:first|original|initial|early|opening|obvious|naive) (?:proposal|suggestion|idea|plan|draft|design|pitch|version)|(?:the|a|their|our|his|her) (?:proposal|suggestion|pitch) (?:was|is|had|called for|wanted)|suggested|suggests|proposed|proposes|pitched|floated|raised|recommended|asked (?:about|for|whether|if|us to|me to)|came up|comes up|brought up|looked at|looked into|considered|evaluated|trialled|trialed|tried out|talked about|wanted (?:to|us to)|pushed for|(?:was|were) the textbook|textbook answer|(?:everyone|everybody)(?: is| s|s)? (?:talks?|talking|excited|raves?|raving|loves?|going on) about|every (?:\w+ ){1,2}(?:mentions|asks about|talks about|recommends)|(?:docs|documentation|vendor|vendors|confluent|blogs?) (?:\w+ )?(?:push|pushes|nudge|nudges|recommend|recommends|sell|sells|spend|spends)|will sell you on|got a lot of (?:press|hype|attention)|(?:youll|you will) hear a lot about|a whole (?:kip|page|chapter|talk) (?:about|on)|started (?:on|with|out with)|tried|wanted \w+ (?:rolled out|turned on|enabled|added)|on the roadmap|has (?:\w+ ){0,2}(?:savepoints|checkpoints|transactions|a dlq)|can keep)\b/;
/** Words that make a stretch a denial or a removal already: a refusal answering it agrees ("…without transactions? I wouldn't."). */
const DENIAL_WORDS = new Set([...NEGATING_WORDS, ...REMOVAL_VERBS, "without", "off", "disabled", "isnt", "arent", "wasnt", "havent", "hasnt", "nor", "nothing"]);
/** A stretch that recommends: an alternative said to suffice after it adds to it rather than replacing it ("Pair acks=all with…; min ISR 2 is enough"). */
const RECOMMENDS = /^(?:(?:so|and|then|also|always|just|definitely|first|please) )*(?:use|set|enable|turn|switch|keep|pair|add|choose|pick|prefer|size|monitor|commit|take|run|configure|make|ensure|leave|put|route|alert|page|match|tune)\b|\b(?:should|must|need to|needs to|have to|has to|recommend|always|(?:i|we|id|wed|i would|we would) (?:\w+ )?(?:use|run|enable|set|want|keep))\b/;
/** Verbs of swapping one thing for another: a forward dismissal after them stops at what replaces it ("for", "with"). */
const SWAP_VERB = /\b(?:swapped out|swapped|swap out|replaced|traded away)$/;
const SWAPPED_FOR = new Set(["for", "with", "by"]);
/** Clause openers that make it a consequence of the stretch before ("…, so we run with 1"): see LOWERS. */
const CONSEQUENCES = new Set(["so", "therefore", "thus", "hence", "instead", "and"]);
/** A third party that a refusal sets itself apart from: "Some teams disable idempotence for speed; we don't." */
const OTHERS = /^(?:(?:but|and|so|while|whereas|although|though) )?(?:some|many|most|lots of|plenty of|a lot of|other|others|people|folks|plenty|a few|certain) /;
/** Conjunctions that open a reason: a verdict in the clause after them is about its own words, not what came before. */
const REASONS = new Set(["because", "since", "as"]);
/** Words that make what follows them a condition ("only if nobody watches them"), not a verdict. */
const CONDITIONS = new Set(["if", "unless", "when", "whenever"]);
/** What a refusal to argue about something is: "I wouldn't bother debating read_committed" takes it as given. */
const DEBATE_WORDS = new Set(["debating", "arguing", "discussing", "questioning", "explaining", "justifying", "defending", "revisiting", "relitigating"]);
/** A passive removal ("is removed", "gets rejected"): a dismissal when a practice is its subject, a mechanism otherwise. */
const PASSIVE_REMOVAL = /^(?:is|are|s|was|were|has been|have been|got|get|gets|been) (?:\w+ )?(?:removed|rejected|dropped|killed|taken out|pulled out)\b/;
/** "…get removed from the group", "is dropped from the ISR": a member leaving a set the cluster keeps, a mechanism. */
const REMOVED_FROM_MEMBERSHIP = /^ (?:\w+ )?(?:from|out of) (?:the |its |their |a )?(?:consumer )?(?:group|isr|in sync replicas?|quorum|cluster|assignment|elr|generation)\b/;
/** "…off for a week", "off for 3 days": a time away. */
const OFF_FOR_A_WHILE = /^ for (?:a|an|one|\d+|a few|several|some|two|three|many|more than (?:a|an|\d+)) (?:\w+ )?(?:seconds?|minutes?|hours?|days?|weeks?|months?|while|bit)\b/;
/** Things a cluster or a framework removes, rejects or drops as it works: never practices a candidate could wave away. */
const MECHANISM_SUBJECTS = new Set(
  ("member members consumer consumers follower followers replica replicas broker brokers record records message messages " +
    "batch batches segment segments straggler stragglers write writes request requests producer producers duplicate duplicates " +
    "entry entries node nodes instance instances zombie zombies event events row rows tombstone tombstones file files " +
    "worker workers task tasks thread threads connection connections session sessions anything everything whatever " +
    "epoch epochs marker markers fetch fetches append appends packet packets commit commits").split(" "),
);
/** How far back a passive removal's subject is looked for. */
const MECHANISM_LOOKBACK = 16;
const DETERMINERS = new Set(["a", "an", "the", "each", "every", "any", "its", "their", "old", "stale", "dead", "late"]);
/** Someone else's view, quoted: "people think", "some call", "folks say". */
const ATTRIBUTION = /(?:^| )(?:(?:many |some |a lot of |plenty of |most )?people|folks|some|others|critics|skeptics|sceptics|many|plenty of teams|some teams) (?:still |often |sometimes |will )?(?:think|thinks|say|says|call|calls|claim|claims|assume|believe|complain|dismiss|argue|tell you)\b/;
/** Words that open a refutation of what others say: "but really", "but actually", "in fact", "for us". */
const REFUTING = new Set(["really", "actually", "fact", "reality", "us", "our", "we"]);
const ATTRIBUTION_VERBS = new Set(["think", "thinks", "say", "says", "call", "calls", "claim", "claims", "assume", "believe", "complain", "dismiss", "argue", "tell"]);
/** Complaints that, attributed to others and refuted, affirm the practice ("people think acks=all is slow, but…"). */
const COMPLAINTS = new Set(["slow", "expensive", "costly", "complicated", "complex", "heavy", "heavyweight", "fragile", "risky"]);
/** Words that join a second verb to a sentence's subject ("we assign partitions by hand and skip…"). */
/** Before a comparison, words that make it praise: "nothing beats", "nothing is simpler than". */
const PRAISING_BEFORE = new Set(["nothing", "little", "none", "anything", "hardly", "no"]);
/** Words after which a pronoun is an object, not the subject of a verdict ("duplicates from it are impossible"). */
const PREPOSITIONS = new Set(["from", "of", "with", "to", "for", "on", "in", "at", "by", "about", "into", "without", "than"]);
const MODALS_OF_RISK = new Set(["can", "could", "would", "might", "may", "will", "becomes", "become"]);
/** Words that open a subordinate clause: a pronoun after them is that clause's, not a verdict's subject ("…where they left off"). */
const CLAUSE_WORDS = new Set(["where", "when", "whenever", "which", "who", "that", "so", "because", "if", "as", "until", "once", "while", "unless", "since", "after", "before"]);
/** Pronouns that may be a verdict's subject mid-clause ("for clickstream it's pointless"); "that" there is relative ("replicas that were removed"). */
const SUBJECT_PRONOUNS = new Set(["it", "its", "they", "theyre", "them", "these", "those"]);
/** Subjects that make a sentence the speaker's own. */
const SPEAKERS = new Set(["i", "we", "id", "wed", "ive", "weve", "ill", "well"]);
/** Verbs of a mechanism sparing you something: "lets you skip", "allows us to avoid". */
const ENABLING = new Set(["lets", "let", "allows", "allow", "enables", "enable", "helps", "help"]);
/** Stance verbs that also mean putting a thing somewhere: "park it in a dead-letter topic", "drop them into a retry queue". */
const PLACING = /\b(?:park|parks|parked|parking|drop|drops|dropped|dropping)$/;
/** What follows such a verb when it places: an object, then a place ("in a dead-letter topic"), not a backlog or a roadmap. */
const PLACED_IN = /^ (?:\w+ ){0,3}?(?:in|into|onto|on) (?:a|an|the|its|their|our|your|some|one|separate|another)\b(?! (?:backlog|roadmap|icebox|shelf|later|floor|side|end|meantime|interim|long|short|future|past|first|second|next|last|same)\b)/;
/** Words that break a sentence at a strong break without punctuation: a cue may span them ("elegant idea but"). */
const STRONG_BREAK_WORDS = new Set(["but", "however", "whereas", "instead", "actually", "although", "though"]);

/** Per token: 0, or LOOKS_FORWARD / LOOKS_BACK where it lies in a dismissal's scope. Computed once per answer. */
/** A stretch of tokens, [from, to). */
type Stretch = readonly [number, number];

/** Per answer analysed: the stretches where someone else's verdict on a practice is quoted and refuted (see refutedAttributions). */
const REFUTED = new WeakMap<AnalysedText, Uint8Array>();
/**
 * "People think acks=all is slow, but really…", "Some call static membership hype; for us it…": 1 on the words of a
 * verdict attributed to others and then refuted. The practice in them is affirmed: negation.ts denies what "people
 * think", and the scorer lifts that denial here. Computed by analyseStance.
 */
export function refutedAttributions(analysed: AnalysedText): Uint8Array | undefined {
  return REFUTED.get(analysed);
}

export function analyseStance(analysed: AnalysedText): Uint8Array {
  const { tokens, sentences } = analysed;
  const dismissed = new Uint8Array(tokens.length);
  const refuted = new Uint8Array(tokens.length);
  REFUTED.set(analysed, refuted);
  /** "People think X is overkill, but…": the words from the attribution up to the turn, when the sentence turns. */
  const attributedStretch = (sentence: (typeof sentences)[number]): Stretch | undefined => {
    let says = false;
    for (let k = sentence.firstToken; k < sentence.endToken && !says; k++) says = ATTRIBUTION_VERBS.has(tokens[k]!.n);
    if (!says) return undefined;
    const { joined, tokenAt } = joinTokens(tokens, sentence.firstToken, sentence.endToken);
    const m = ATTRIBUTION.exec(joined);
    if (!m) return undefined;
    const from = tokenAt(m.index + m[0].length - m[0].trimStart().length);
    let to = tokenAt(m.index + m[0].length - 1) + 1;
    while (to < sentence.endToken && !tokens[to]!.strongBreak) to++;
    if (to >= sentence.endToken - 1) return undefined;
    // The verdict attributed must be refuted: "…, but really…", "…; for us it…" (not "…, but that is a myth").
    for (let k = to; k < to + 4 && k < sentence.endToken; k++) if (REFUTING.has(tokens[k]!.n)) return [from, to];
    return undefined;
  };
  // Only the expressions whose needed words the answer holds can match in any of its sentences (see regex-needs.ts).
  const met = needsOfCompiled().met(tokens);
  const possibleIndex = COMPILED.flatMap((_, k) => (met[k] ? [k] : []));
  if (possibleIndex.length === 0) return dismissed;
  const possible = possibleIndex.map((k) => COMPILED[k]!);
  /** Of those, the ones a sentence's own words allow: most sentences hold none, and are skipped without running any. */
  const needsOfPossible = (words: AnalysedText["tokens"]) => {
    const metHere = needsOfCompiled().met(words);
    return possible.filter((_, k) => metHere[possibleIndex[k]!]);
  };

  const markAll = (stretches: readonly Stretch[]) => {
    for (const [from, to] of stretches) {
      const mark = proposalRejected(from, to) ? REJECTED_PROPOSAL : LOOKS_BACK;
      for (let k = from; k < to; k++) if (dismissed[k] !== REJECTED_PROPOSAL) dismissed[k] = mark;
    }
  };
  /** Whether [from, to) is a whole sentence that proposes something (PROPOSAL): waved away as a whole, it was turned down. */
  const proposalRejected = (from: number, to: number) => {
    const sentence = sentences[tokens[from]!.sentence]!;
    return sentence.firstToken === from && sentence.endToken === to && PROPOSAL.test(joinTokens(tokens, from, to).joined);
  };
  const strongStop = (k: number) => tokens[k]!.strongBreak && !SOFT_BREAKS.has(tokens[k]!.n);
  /** Whether a stretch already denies or removes something (a refusal answering it agrees with it). */
  const denies = ([from, to]: Stretch) => {
    for (let k = from; k < to; k++) if (DENIAL_WORDS.has(tokens[k]!.n)) return true;
    return false;
  };
  /** Whether the sentence before a reply is what the reply is about as a whole: a question, a short one, a proposal. */
  const answeredWhole = (previous: (typeof sentences)[number]) =>
    previous.question || previous.endToken - previous.firstToken <= SHORT_SENTENCE || PROPOSAL.test(joinTokens(tokens, previous.firstToken, previous.endToken).joined);

  /** What a pronoun (or a clause with no subject of its own) stands for: what was said before its clause. */
  const pronounTarget = (pronoun: number): Stretch | undefined => {
    const clause = tokens[pronoun]!.clause;
    const sentence = sentences[tokens[pronoun]!.sentence]!;
    // In the same sentence: everything said before the pronoun's clause, back to the previous strong break.
    let j = pronoun - 1;
    while (j >= sentence.firstToken && tokens[j]!.clause === clause) j--;
    // "Honestly, they're more trouble than they're worth.": a clause of filler before it stands for nothing.
    let onlyFiller = true;
    for (let k = sentence.firstToken; k <= j; k++) if (!FILLERS.has(tokens[k]!.n) && !CONJUNCTIONS.has(tokens[k]!.n) && !SPEAKERS.has(tokens[k]!.n)) onlyFiller = false;
    if (onlyFiller) j = sentence.firstToken - 1;
    if (j >= sentence.firstToken) {
      let from = j;
      while (from > sentence.firstToken && !strongStop(from)) from--;
      return [from, j + 1];
    }
    const previous = sentences[sentence.index - 1];
    if (!previous) return undefined;
    if (answeredWhole(previous)) return [previous.firstToken, previous.endToken];
    // "PIDs protect against one thing: a retried batch. That's such a narrow case…": a demonstrative opening the
    // sentence stands for the whole statement before it, not only its last clause.
    if (DEMONSTRATIVES.has(tokens[pronoun]!.n)) return [previous.firstToken, previous.endToken];
    const lastClause = tokens[previous.endToken - 1]!.clause;
    let from = previous.endToken - 1;
    while (from > previous.firstToken && tokens[from - 1]!.clause === lastClause) from--;
    return [from, previous.endToken];
  };
  const markPronounTarget = (pronoun: number, depth = 0) => {
    const target = pronounTarget(pronoun);
    if (!target) return;
    markAll([target]);
    // "Compaction: tried it, hated it.": what the pronoun stands for holds another pronoun; follow it once more.
    if (depth === 0) for (let k = target[0]; k < target[1]; k++) if (PRONOUNS.has(tokens[k]!.n) && k > target[0]) return markPronounTarget(k, 1);
  };

  for (const sentence of sentences) {
    const { firstToken, endToken } = sentence;
    const attributed = attributedStretch(sentence);
    if (attributed) for (let k = attributed[0]; k < attributed[1]; k++) if (COMPLAINTS.has(tokens[k]!.n)) refuted.fill(1, attributed[0], attributed[1]);
    // Of those, only the ones whose needed words this sentence holds.
    const here = needsOfPossible(tokens.slice(firstToken, endToken));
    if (here.length === 0) continue;
    const { joined, tokenAt } = joinTokens(tokens, firstToken, endToken);
    for (const { re, direction, stance, pronounOnly, objectless, suffices, lowers, consequence, sarcasm, own, ownPronouns, concession } of here) {
      re.lastIndex = 0;
      for (const m of allMatches(re, joined)) {
        const at = m.index ?? 0;
        const matchStart = tokenAt(at + m[0].length - m[0].trimStart().length);
        const matchEnd = tokenAt(at + m[0].length - 1) + 1;
        // A cue is said within one stretch: "…things are quiet; the alert you didn't set up…" is not "X is a knob you didn't set".
        if (crossesStop(matchStart, matchEnd)) continue;
        // "People think idempotence is marketing, but really…", "Some call static membership hype; for us…": someone else's
        // verdict, refuted; the practice is affirmed (see refutedAttributions).
        if (attributed && matchStart >= attributed[0] && matchStart < attributed[1]) {
          if (direction === "backward" && !objectless && !suffices) refuted.fill(1, attributed[0], attributed[1]);
          continue;
        }
        // "I'd never skip a savepoint", "nobody should drop acks=all", "there's no reason to turn off compaction":
        // a denied removal affirms. ("Never bother with X" still waves X away.)
        if (direction === "forward" && !/bother|touch|tune|go near|go there|deal with/.test(m[0])) {
          let denied = / (?:never|not|dont|cant|cannot|shouldnt|wouldnt|mustnt) /.test(` ${m[0]} `);
          for (let k = matchStart - 1; k >= matchStart - 4 && k >= firstToken; k--) if (NEGATING_WORDS.has(tokens[k]!.n)) denied = true;
          if (denied) continue;
        }
        // "…get in the way only if nobody watches them": a condition, not a verdict.
        if (direction === "backward" && matchStart > firstToken && CONDITIONS.has(tokens[matchStart - 1]!.n)) continue;
        // "…, otherwise it's where messages go to be forgotten": what happens without it, not a verdict on it.
        if (direction === "backward" && tokens.slice(Math.max(firstToken, matchStart - 4), matchStart).some((token) => token.n === "otherwise")) continue;
        // "it doesn't make retention planning unnecessary", "a VPC doesn't make TLS optional": the verdict is denied.
        if (direction === "backward" && deniedMaking(matchStart)) continue;
        // "not optional", "never overkill": a denied dismissal affirms.
        if (direction === "backward" && matchStart > firstToken && NEGATORS.has(tokens[matchStart - 1]!.n)) continue;
        // A stance verb must follow its subject ("I'd avoid"), or open a clause as an imperative ("Skip it.").
        if (stance && !/^(?:i|we|you|id|wed|youd|ive|weve|youve|im|ill|one|people|teams|they|the team|our team) /.test(m[0])) {
          if (matchStart > firstToken && tokens[matchStart - 1]!.clause === tokens[matchStart]!.clause) continue;
        }
        // "I'd never tune session.timeout.ms below three heartbeats": a bound on a setting, not a refusal to touch it.
        if (stance && /tune$/.test(m[0]) && / (?:below|above|under|over|past|beyond|lower than|higher than|less than|more than)\b/.test(joined.slice(at + m[0].length, at + m[0].length + 60))) continue;
        // "…unless you park it in a dead-letter topic", "bad events get parked on a retry queue": a record put somewhere,
        // not a practice put off.
        if ((stance || direction === "backward") && PLACING.test(m[0]) && PLACED_IN.test(joined.slice(at + m[0].length))) continue;
        // "A GlobalKTable join lets you skip co-partitioning": what a mechanism spares you, not the speaker's stance.
        if (stance && ENABLING.has(tokens[matchStart - 1]?.n ?? "") && matchStart - 1 >= firstToken) continue;
        if (stance && ENABLING.has(tokens[matchStart - 2]?.n ?? "") && matchStart - 2 >= firstToken && /^(?:you|us|me|them|teams|people) /.test(m[0])) continue;
        // "…exactly_once_v2, which is off by default", "disabled unless you set it": a default described, not a stance.
        if (direction === "backward" && /\b(?:off|disabled|false|0|zero|none)\b/.test(m[0]) && !/\b(?:i|we|you|id|wed|youd)\b/.test(m[0]) && describesDefault(tokens, matchEnd, endToken)) continue;
        // "a member silent for session.timeout.ms is removed", "a straggler from the old epoch is rejected": the broker
        // removing a thing it manages is a mechanism, not the candidate waving a practice away.
        if (direction === "backward" && PASSIVE_REMOVAL.test(m[0]) && (namesMechanismThing(matchStart) || REMOVED_FROM_MEMBERSHIP.test(joined.slice(at + m[0].length)))) continue;
        // "a consumer that was off for a week": out of service for a while, not a setting turned off.
        if (direction === "backward" && / off$/.test(m[0]) && OFF_FOR_A_WHILE.test(joined.slice(at + m[0].length))) continue;
        // "X is a tax, but one well worth paying": the dismissal is conceded, then overturned.
        if (direction === "backward" && OVERTURNED.test(joined.slice(at + m[0].length))) continue;
        if (pronounOnly) {
          // ("one" reads as the number 1: "we don't have one")
          for (let k = matchStart + 1; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n) || tokens[k]!.n === "1") markPronounTarget(k);
          continue;
        }
        if (objectless) {
          // "…, so we don't key at all": the refusal opens its clause and ends it; what it refuses came before.
          if (opensClause(matchStart) && endsClause(matchEnd, true)) {
            const target = backwardTarget(matchStart);
            // "Failed checkpoints show up now and then. We've learned to look the other way.": a refusal that is its whole
            // sentence answers the one before, however long.
            const previous = sentences[sentence.index - 1];
            if (previous && clauseOpener(matchStart).from === firstToken && matchEnd >= endToken && !target.some(([from]) => from === previous.firstToken)) target.push([previous.firstToken, previous.endToken]);
            if (!target.some(denies)) markAll(target);
            // "Some teams disable idempotence for speed; we don't.": the refusal sets itself apart from their dismissal.
            else for (const [from, to] of target) if (OTHERS.test(joinTokens(tokens, from, to).joined)) dismissed.fill(0, from, to);
          }
          continue;
        }
        if (suffices) {
          passOver(matchStart, lowers);
          continue;
        }
        if (own) {
          markAll([[matchStart, matchEnd]]);
          continue;
        }
        if (ownPronouns) {
          markAll([[matchStart, matchEnd]]);
          for (let k = matchStart + 1; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n) && tokens[k]!.n !== "one") markPronounTarget(k);
          continue;
        }
        // "…the overhead of transactions is less of an issue than it sounds": a cost conceded, the practice kept.
        if (concession && backwardTarget(matchStart).some(([from, to]) => tokens.slice(from, to).some((token) => COST_WORDS.has(token.n)))) continue;
        if (sarcasm) {
          // A heading ("What could go wrong", then a list of failure modes) is no quip: sarcasm is asked.
          if (!sentence.question && matchStart === firstToken && matchEnd === endToken && !QUIP.test(m[0])) continue;
          markAll([[firstToken, endToken]]);
          const previous = sentences[sentence.index - 1];
          if (previous && matchStart <= firstToken + 1) markAll([[previous.firstToken, previous.endToken]]);
          continue;
        }
        // "…otherwise restoring a savepoint can be impossible": what would break, not a verdict on the practice.
        if (direction === "backward" && /impossible|achievable|realistic/.test(m[0]) && tokens[matchStart - 1]?.n === "be" && MODALS_OF_RISK.has(tokens[matchStart - 2]?.n ?? "")) continue;
        // "Nothing beats a failover drill", "little beats lag alerts": praise, not a comparison that passes it over.
        if (direction === "forward" && /^(?:beats?|trumps?|outperforms|better|simpler|easier) /.test(m[0]) && PRAISING_BEFORE.has(tokens[matchStart - 1]?.n ?? "")) continue;
        // "…, dropped or sideOutputLateData", "rejected or retried": one outcome of two, not a verdict on the other.
        if (direction === "forward" && matchEnd - matchStart === 1 && /^(?:dropped|rejected|removed|killed|skipped|ignored)$/.test(tokens[matchStart]!.n) && tokens[matchEnd]?.n === "or") continue;
        // "I wouldn't bother debating read_committed": the practice is taken as given.
        if (direction === "forward" && DEBATE_WORDS.has(tokens[matchEnd]?.n ?? "")) continue;
        // "We took them out", "turned it off": a pronoun inside the cue points back.
        if (direction === "forward") for (let k = matchStart + 1; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n)) markPronounTarget(k);
        if (direction === "forward") {
          const next = tokens[matchEnd];
          if (next && next.sentence === sentence.index && PRONOUNS.has(next.n)) {
            markPronounTarget(matchEnd);
            continue;
          }
          // "We swapped acks=all for acks=1": what it was swapped for is kept.
          const swap = SWAP_VERB.test(m[0]);
          // "I'd rather let a producer saturate the brokers than pre-emptively set quotas": all of what is passed over.
          const preference = m[0].endsWith(" than");
          // "we set enable.auto.commit=false and call commitSync() ourselves": a setting switched off ends at its value.
          let until = endToken;
          if (SETS_VALUE.has(m[0])) for (let k = matchEnd; k < endToken; k++) if (OFF_VALUES.has(tokens[k]!.n)) { until = k + 1; break; }
          let reached = 0;
          for (let k = matchEnd; k < until && reached < DISMISSAL_WINDOW; k++, reached++) {
            if (k > matchEnd && (tokens[k]!.strongBreak || (PIVOT_WORDS.has(tokens[k]!.n) && reached > 0 && (!preference || TURN_WORDS.has(tokens[k]!.n))) || (swap && SWAPPED_FOR.has(tokens[k]!.n)))) break;
            dismissed[k] = Math.max(dismissed[k]!, LOOKS_FORWARD);
          }
          // Nothing after the cue in its clause but filler ("…is something I'd avoid", "X I'd avoid as well"): it looks back instead.
          // "Compaction I'd hold off on until…", "X I'd leave to the platform team": the object came first.
          const fronted = FRONTED_NEXT.has(tokens[matchEnd]?.n ?? "") || (tokens[matchEnd]?.n === "to" && /^(?:leave|leaving|left)$/.test(m[0]));
          if (endsClause(matchEnd) || (fronted && tokens[matchEnd]!.sentence === sentence.index)) markAll(backwardTarget(matchStart));
        } else if (/^(?:false|disabled)$/.test(m[0].trim()) && matchStart > firstToken && gapBefore(matchStart).includes("=")) {
          // "With manual commit you set enable.auto.commit=false": an assignment switches off the setting it names, not the
          // rest of its clause.
          let key = matchStart - 1;
          while (key > firstToken && /^[._-]$/.test(gapBefore(key))) key--;
          markAll([[key, matchStart]]);
        } else {
          markAll(backwardTarget(matchStart));
          // "…; for clickstream it's pointless", "Clock skew made them pointless": a pronoun right before the verdict is its subject.
          const before = matchStart - 1;
          if (before > firstToken && SUBJECT_PRONOUNS.has(tokens[before]!.n) && !conditionBefore(before) && !PREPOSITIONS.has(tokens[before - 1]!.n) && !CLAUSE_WORDS.has(tokens[before - 1]!.n) && !opensClause(before)) markPronounTarget(before);
          if (consequence) {
            const previous = sentences[sentence.index - 1];
            if (previous && answeredWhole(previous)) markAll([[previous.firstToken, previous.endToken]]);
          }
          // "…, but I don't think they pay for themselves": a pronoun inside the predicate points back too.
          for (let k = matchStart; k < matchEnd; k++) if (PRONOUNS.has(tokens[k]!.n) && k > matchStart) markPronounTarget(k);
        }
      }
    }

    /**
     * Whether the words before `at`, back to a strong break (a parenthesis may end the clause before the verb), name a
     * thing the system handles after an article ("a member", "the old segments").
     */
    function namesMechanismThing(at: number): boolean {
      // "After the grace period records are dropped": a bare plural right before the verb is its subject.
      if (MECHANISM_SUBJECTS.has(tokens[at - 1]?.n ?? "")) return true;
      for (let k = at - 2; k >= firstToken - 1 && k >= at - MECHANISM_LOOKBACK; k--) {
        if (k >= firstToken && DETERMINERS.has(tokens[k]!.n) && MECHANISM_SUBJECTS.has(tokens[k + 1]!.n)) return true;
        // "Records arriving after the grace period are dropped": a bare plural opening the statement is its subject.
        if (tokens[k + 1]!.strongBreak) return MECHANISM_SUBJECTS.has(tokens[k + 1]!.n);
      }
      return false;
    }

    /** Whether a verdict at `at` is what something is said not to make of it ("doesn't make TLS optional"). */
    function deniedMaking(at: number): boolean {
      const clause = tokens[at]!.clause;
      for (let k = at - 1; k > firstToken && tokens[k]!.clause === clause && k >= at - 6; k--) {
        if (MAKING.has(tokens[k]!.n) && NOT_MAKING.has(tokens[k - 1]!.n)) return true;
      }
      return false;
    }

    /** Whether the clause holding `at` opens on a condition ("If 48 turns out to be too many it's not a big deal"). */
    function conditionBefore(at: number): boolean {
      for (let k = at - 1; k >= firstToken && !tokens[k + 1]!.strongBreak; k--) if (CONDITIONS.has(tokens[k]!.n)) return true;
      return false;
    }

    /** Whether a stretch of a match runs over a punctuated strong break (";", ":", a dash). */
    function crossesStop(from: number, to: number): boolean {
      for (let k = from + 1; k < to; k++) if (tokens[k]!.strongBreak && !STRONG_BREAK_WORDS.has(tokens[k]!.n)) return true;
      return false;
    }

    /** Whether nothing but filler follows in the clause of the token before `at` (or, with `orConjunction`, up to "and", "so"…). */
    function endsClause(at: number, orConjunction = false): boolean {
      let rest = at;
      while (rest < endToken && tokens[rest]!.clause === tokens[at - 1]!.clause && TRAILING_FILLERS.has(tokens[rest]!.n)) rest++;
      return rest >= endToken || tokens[rest]!.clause !== tokens[at - 1]!.clause || (orConjunction && CONJUNCTIONS.has(tokens[rest]!.n));
    }

    /** The characters between token k and the one before it ("=" in "auto.commit=false", "." inside a config name). */
    function gapBefore(k: number): string {
      return analysed.text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    }

    /** The first word of the clause holding `at`, after conjunctions and filler ("but honestly that is overkill"). */
    function clauseOpener(at: number): { from: number; opener: number } {
      const clause = tokens[at]!.clause;
      let from = at;
      while (from > firstToken && tokens[from - 1]!.clause === clause) from--;
      let opener = from;
      while (opener < at) {
        if (CONJUNCTIONS.has(tokens[opener]!.n) || FILLERS.has(tokens[opener]!.n)) opener++;
        // "I think it's…", "we agreed it wasn't worth…": an opinion before the clause's real subject.
        else if (["i", "id", "we", "wed"].includes(tokens[opener]!.n) && OPINION_VERBS.has(tokens[opener + 1]?.n ?? "") && opener + 1 < at) opener += 2;
        else break;
      }
      return { from, opener };
    }

    function opensClause(at: number): boolean {
      return clauseOpener(at).opener === at;
    }

    /** What a predicate starting at `predicateStart` waves away: the words before it, back to the start of its clause. */
    function backwardTarget(predicateStart: number): Stretch[] {
      const { from: clauseStart, opener } = clauseOpener(predicateStart);
      let from = clauseStart;
      // "…, but it only makes things harder": the pronoun stands for what came before.
      if (PRONOUNS.has(tokens[opener]!.n)) {
        const target = pronounTarget(opener);
        if (!target) return [];
        // "They're still there, and frankly they can stay there.": what it stands for is itself a pronoun; follow it once more.
        let first = target[0];
        while (first < target[1] && (FILLERS.has(tokens[first]!.n) || CONJUNCTIONS.has(tokens[first]!.n))) first++;
        const further = target[1] - target[0] <= SHORT_REFERENT && first < target[1] && first !== opener && PRONOUNS.has(tokens[first]!.n) && tokens[first]!.n !== "one" ? pronounTarget(first) : undefined;
        return further ? [target, further] : [target];
      }
      // "Lag alerts matter because nobody watches dashboards at night": a reason clause has its own object.
      if (opener === predicateStart && opener > from && REASONS.has(tokens[from]!.n)) return [];
      // "…, all overkill" / "…: both are unnecessary": the clause sums up what came before, back to a strong break.
      // "Rewriting the job, or swapping its joins, is a refactor I've rarely seen pay off": a clause opening with its verb has
      // its subject before the comma.
      if (opener === predicateStart || SUMMARY_WORDS.has(tokens[opener]!.n) || (COPULAS.has(tokens[opener]!.n) && opener > firstToken)) {
        from = Math.max(firstToken, from - 1);
        while (from > firstToken && !tokens[from]!.strongBreak) from--;
      }
      const stretches: Stretch[] = [[from, predicateStart]];
      // "RocksDB? Not for us.", "Compaction? Honestly, overkill.", "Someone suggested X. We said no.": a predicate
      // with nothing before it but filler answers the short, questioning or proposing sentence before it.
      if (from === firstToken && opener === predicateStart) {
        const previous = sentences[sentence.index - 1];
        if (previous && answeredWhole(previous)) stretches.push([previous.firstToken, previous.endToken]);
      }
      return stretches;
    }

    /** "…; for logs, at-most-once is plenty": the stretch before the alternative's own is passed over. */
    function passOver(matchStart: number, overConsequence = false) {
      // "Use acks=all; that is enough": a subject pointing back praises what it points at.
      const { opener } = clauseOpener(matchStart);
      if (PRONOUNS.has(tokens[opener]!.n)) return;
      // "…, so 2 or 3 entries are enough", "a grace period of 5 minutes is plenty": a size, not an alternative.
      for (let k = opener; k < matchStart; k++) if (/^\d/.test(tokens[k]!.n)) return;
      let own = matchStart;
      while (own > firstToken && !strongStop(own)) own--;
      // "…costs us availability, so we run with 1": the lowest setting, run as a consequence, passes over what it follows from.
      // (Not "X keeps the latest value, so we went with a compacted topic": that adopts it.)
      const { from: clauseFrom } = clauseOpener(matchStart);
      if (overConsequence && clauseFrom > own && CONSEQUENCES.has(tokens[clauseFrom]!.n)) own = clauseFrom;
      let target: Stretch | undefined;
      if (own > firstToken) {
        let from = own - 1;
        while (from > firstToken && !strongStop(from)) from--;
        target = [from, own];
      } else {
        const previous = sentences[sentence.index - 1];
        // "retention.ms=3600000 on the raw topic. An hour's plenty.": a short verdict of its own answers the sentence before.
        const verdictOnly = own === firstToken && endToken - firstToken <= SHORT_VERDICT;
        if (previous && (previous.question || verdictOnly || PROPOSAL.test(joinTokens(tokens, previous.firstToken, previous.endToken).joined))) target = [previous.firstToken, previous.endToken];
      }
      if (!target || denies(target) || RECOMMENDS.test(joinTokens(tokens, target[0], target[1]).joined)) return;
      markAll([target]);
    }
  }
  return dismissed;
}
