// The glue words of English (and spoken fillers), shared by the compiler, the depth measure and the
// answer signals; on its own so none of them has to import another for it.
/** Short English function words and spoken fillers: the glue between terms in a real sentence. */
export const FUNCTION_WORDS = new Set(
  (
    "a an the is are was were be been being am it its this that these those there here to of in on at by for from with " +
    "without into onto over under about as than then so and or but if when while because since not no never nor do does " +
    "did done doing has have had having can could will would should shall may might must i you he she we they them their " +
    "theirs our your my me us him her his what which who whom whose how why where each every all any some many much more " +
    "most less few both either neither other another such same only just also very too up down out off again still yet " +
    "even ever per via until unless whether one dont doesnt isnt arent wasnt cant wont im ive youre theyre thats theres " +
    "lets let get gets got like um uh yeah well basically actually really kind sort know mean think just okay ok so whatever " +
    "1 once twice whenever wherever"
  ).split(/\s+/),
);

