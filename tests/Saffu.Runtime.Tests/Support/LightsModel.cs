namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// A handcrafted lights model with an action map, whose answers are known, so that action tests
    /// run from text through a real session. Every word has a one-hot code (b ≥ V); the document
    /// part votes each word's intent (strongly for the command words, weakly for &lt;none&gt; for
    /// the rest), and the tag head gives each word a fixed tag (Tags below). The home: a dimmable
    /// desk lamp (alias reading lamp) in the office (alias den), a plain hall light in the hallway,
    /// and in the bedroom a colour bedside lamp and a dimmable ceiling light.
    /// </summary>
    public static class LightsModel
    {
        public const int TurnOn = 0, TurnOff = 1, Toggle = 2, LightSet = 3, None = 4, Weather = 5;
        public static readonly string[] Intents = { "HassTurnOn", "HassTurnOff", "HassToggle", "HassLightSet", "<none>", "HassGetWeather" };
        /// <summary>Actions per intent: on, off, toggle, set, none, none (docs/action-map.md, intentAction).</summary>
        public static readonly int[] IntentActions = { 1, 2, 3, 4, 0, 0 };
        public static readonly string[] Tags = { "O", "B-name", "I-name", "B-area", "I-area", "B-color", "I-color", "B-brightness", "I-brightness", "B-step", "I-step" };
        const int O = 0, BName = 1, IName = 2, BArea = 3, IArea = 4, BColor = 5, IColor = 6, BBrightness = 7, BStep = 9;

        // Pins of the home.
        public const int DeskPin = 13, HallPin = 33, CeilingPin = 25, RedPin = 26, GreenPin = 27, BluePin = 32;
        public const int Desk = 0, Hall = 1, Bedside = 2, Ceiling = 3;
        public const int Office = 0, Hallway = 1, Bedroom = 2;

        /// <summary>Word, its intent vote (strong when not &lt;none&gt;), its tag.</summary>
        static readonly object[] Table =
        {
            "<sod>", None, O, "<oov>", None, O, "<num>", None, BBrightness,
            "turn", None, O, "on", TurnOn, O, "off", TurnOff, O, "toggle", Toggle, O,
            "set", LightSet, O, "make", LightSet, O, "dim", LightSet, BStep, "brighter", LightSet, BStep,
            "up", LightSet, BStep, "softer", LightSet, BStep,
            "the", None, O, "to", None, O, "percent", None, O, "all", None, O, "lights", None, O, "in", None, O,
            "desk", None, BName, "reading", None, BName, "bedside", None, BName, "hall", None, BName,
            "ceiling", None, BName, "attic", None, BName, "lamp", None, IName, "light", None, IName,
            "office", None, BArea, "den", None, BArea, "hallway", None, BArea, "bedroom", None, BArea, "garage", None, BArea,
            "red", None, BColor, "warm", None, BColor, "chartreuse", None, BColor, "white", None, IColor,
            "weather", Weather, O, "workshop", None, IArea,
        };

        public static string[] Words()
        {
            string[] words = new string[Table.Length / 3];
            for (int i = 0; i < words.Length; i++) words[i] = (string)Table[3 * i];
            return words;
        }

        /// <summary>Words() and two more words after them (one-hot codes still fit the model's 40 bits).</summary>
        public static string[] WordsAnd(string first, string second)
        {
            string[] words = Words();
            string[] more = new string[words.Length + 2];
            for (int i = 0; i < words.Length; i++) more[i] = words[i];
            more[words.Length] = first;
            more[words.Length + 1] = second;
            return more;
        }

        /// <summary>The model with its action map (withActions false: the same model without the section).</summary>
        public static TestModelSpec Create(bool withActions)
        {
            string[] words = Words();
            int v = words.Length, bits = 40;
            TestModelSpec m = new TestModelSpec();
            m.Words = words;
            m.Bits = bits;
            m.PrependSod = true;
            m.SodId = 0;
            m.OovId = 1;
            m.NumId = 2;
            m.Document = true;
            m.TagHead = true;
            m.LabelDim = Intents.Length;
            m.Intents = Intents;
            m.MaxWords = 16;
            m.NoneIntent = None;
            m.RejectThreshold = 20000;
            int[] vote = new int[v], strength = new int[v], tag = new int[v];
            for (int w = 0; w < v; w++)
            {
                vote[w] = (int)Table[3 * w + 1];
                strength[w] = vote[w] == None ? 100 : 2000;
                tag[w] = (int)Table[3 * w + 2];
            }
            m.DocumentU = OneHot(bits, vote, strength, Intents.Length);
            m.O = TaggingModel.Diagonal(Intents.Length, Intents.Length, 2000);
            m.TagLabels = Tags;
            m.TagU = new TestTensor[] { OneHot(bits, tag, null, Tags.Length) };
            m.TagO = TaggingModel.Diagonal(Tags.Length, Tags.Length, 1000);
            if (withActions) m.ActionMap = Home(words).Write();
            return m;
        }

        /// <summary>The action map of the home described above.</summary>
        public static TestActionMap Home(string[] words)
        {
            TestActionMap map = new TestActionMap(words, IntentActions);
            map.Area(new string[] { "office", "den" });
            map.Area(new string[] { "hallway" });
            map.Area(new string[] { "bedroom" });
            map.Light(new string[] { "desk lamp", "reading lamp" }, Office, DeskPin, true);
            map.Light(new string[] { "hall light" }, Hallway, HallPin, false);
            map.ColorLight(new string[] { "bedside lamp" }, Bedroom, RedPin, GreenPin, BluePin);
            map.Light(new string[] { "ceiling light" }, Bedroom, CeilingPin, true);
            map.Color("red", 255, 0, 0);
            map.Color("white", 255, 255, 255);
            map.Color("warm white", 255, 180, 107);
            map.Step("dim", false);
            map.Step("brighter", true);
            map.Step("up", true);
            return map;
        }

        /// <summary>
        /// The model with the home above and a lead table for the correction rule (docs/action-map.md step 0): the sixth intent
        /// ("weather") is a cancel intent, like HassNevermind, each "weather" voting for it as strongly as "on" votes for
        /// HassTurnOn; "weather" and "in" are fillers ("nope", "sorry"), "weather weather" a cancellation ("no wait"), "to all"
        /// a cancellation that ends in a negation ("no don't"), "all" a negation ("don't"), "turn" and "set" light verbs.
        /// </summary>
        public static TestModelSpec CreateWithCorrections()
        {
            TestActionMap home = new TestActionMap(Words(), new int[] { 1, 2, 3, 4, 0, 6 });
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Area(new string[] { "bedroom" });
            home.Light(new string[] { "desk lamp", "reading lamp" }, Office, DeskPin, true);
            home.Light(new string[] { "hall light" }, Hallway, HallPin, false);
            home.ColorLight(new string[] { "bedside lamp" }, Bedroom, RedPin, GreenPin, BluePin);
            home.Light(new string[] { "ceiling light" }, Bedroom, CeilingPin, true);
            home.Color("red", 255, 0, 0);
            home.Lead(1, "weather");            // filler
            home.Lead(1, "in");
            home.Lead(3, "all");                // negation
            home.Lead(7, "weather weather");    // cancellation
            home.Lead(7, "to all");
            home.Lead(8, "turn");               // light verb
            home.Lead(8, "set");
            TestModelSpec spec = Create(false);
            spec.ActionMap = home.Write();
            return spec;
        }

        /// <summary>
        /// Gives word its tag (one of Tags) in the model's tag head instead of the table's: a tagger that missed a word
        /// ("bedroom" O) or started a span late ("workshop" I-area after an untagged "garage").
        /// </summary>
        public static void Retag(TestModelSpec model, string word, string tag)
        {
            TestTensor u = model.TagU[0];
            int w = IndexOf(model.Words, word), t = IndexOf(Tags, tag);
            for (int c = 0; c < u.Cols; c++) u.Q[w * u.Cols + c] = 0;
            u.Q[w * u.Cols + t] = 2000;
        }

        static int IndexOf(string[] items, string item)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == item) return i;
            }
            throw new System.ArgumentException("not in the list: " + item);
        }

        /// <summary>bits × cols; row w has q = strength[w] (2000 when null) in column column[w]; m = 2^15, e = 20.</summary>
        static TestTensor OneHot(int bits, int[] column, int[]? strength, int cols)
        {
            TestTensor t = new TestTensor(bits, cols, 16, false);
            for (int w = 0; w < column.Length; w++) t.Q[w * cols + column[w]] = strength == null ? 2000 : strength[w];
            t.M[0] = 32768;
            t.E[0] = 20;
            return t;
        }
    }
}
