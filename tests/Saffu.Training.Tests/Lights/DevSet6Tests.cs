using System.Text.Json;
using System.Text.RegularExpressions;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Lights;

/// <summary>
/// Pins the shape of the sixth dev pair of issue 11 (tests/data/lights/nearmiss-dev6.jsonl, chit-chat
/// only, and commands-dev6.jsonl, commands said like remarks; tuning sets): they parse, are large enough
/// in every category, use the agreed labels, name only the shipped home's lights and areas (said in
/// their sentences), and repeat no sentence of each other or of any other JSONL file of the folder.
/// Independent of any model.
/// </summary>
[TestClass]
public sealed class DevSet6Tests
{
    const string NearMiss = "nearmiss-dev6.jsonl", Commands = "commands-dev6.jsonl";
    const int MinNearMiss = 160, MinCommands = 80;
    const int MinWords = 3, MaxWords = 20;

    /// <summary>Each near-miss category with the least and most sentences it may have.</summary>
    static readonly Dictionary<string, (int Min, int Max)> NearMissCategories = new()
    {
        ["chitchat"] = (160, int.MaxValue),
    };
    static readonly string[] CommandIntents = ["HassTurnOn", "HassTurnOff", "HassToggle", "HassLightSet"];
    /// <summary>Intents every command set of this pair must use (toggle is rare in remarks, so it may be absent).</summary>
    static readonly string[] RequiredIntents = ["HassTurnOn", "HassTurnOff", "HassLightSet"];
    static readonly Dictionary<string, int> CommandCategories = new()
    {
        ["indirect"] = 40, ["single"] = 10, ["area"] = 10, ["set"] = 10,
    };

    static readonly Lazy<HomeDescription> home = new(() => HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml")));

    sealed record Row(string File, int Line, string Text, string Intent, Dictionary<string, JsonElement> Slots,
        string Category, string[]? Lights);

    static List<Row> Read(string file)
    {
        var rows = new List<Row>();
        int line = 0;
        foreach (string json in File.ReadLines(RepoFiles.Path("tests/data/lights/" + file)))
        {
            line++;
            string at = $"{file}:{line}";
            JsonElement root;
            try { root = JsonDocument.Parse(json).RootElement; }
            catch (JsonException e) { Assert.Fail($"{at}: not JSON ({e.Message})"); throw; }
            Assert.AreEqual(JsonValueKind.Object, root.ValueKind, $"{at}: a line is one JSON object");
            string text = StringOf(root, "text", at), intent = StringOf(root, "intent", at), category = StringOf(root, "category", at);
            Assert.IsTrue(Regex.IsMatch(text, "^[a-z0-9']+( [a-z0-9']+)*$"), $"{at}: \"{text}\" is not lower case words without punctuation");
            int words = text.Split(' ').Length;
            Assert.IsTrue(words is >= MinWords and <= MaxWords, $"{at}: \"{text}\" has {words} words, expected {MinWords}..{MaxWords}");
            Assert.IsTrue(root.TryGetProperty("slots", out var slots) && slots.ValueKind == JsonValueKind.Object, $"{at}: slots must be an object");
            string[]? lights = root.TryGetProperty("lights", out var l)
                ? l.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
                : null;
            rows.Add(new Row(file, line, text, intent, slots.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()), category, lights));
        }
        return rows;
    }

    static string StringOf(JsonElement root, string key, string at)
    {
        Assert.IsTrue(root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String, $"{at}: {key} must be a string");
        string s = v.GetString()!;
        Assert.IsFalse(string.IsNullOrWhiteSpace(s), $"{at}: {key} is empty");
        return s;
    }

    static string At(Row r) => $"{r.File}:{r.Line} \"{r.Text}\"";

    static Light LightNamed(string name, Row r) =>
        home.Value.Lights.SingleOrDefault(l => l.Name == name)
        ?? throw new AssertFailedException($"{At(r)}: \"{name}\" is not a light name of models/lights/home.yaml");

    static Area AreaNamed(string name, Row r) =>
        home.Value.Areas.SingleOrDefault(a => a.Name == name)
        ?? throw new AssertFailedException($"{At(r)}: \"{name}\" is not an area name of models/lights/home.yaml");

    static bool Says(string text, IEnumerable<string> phrases) =>
        phrases.Any(p => Regex.IsMatch(text, $@"\b{Regex.Escape(p)}\b", RegexOptions.IgnoreCase));

    [TestMethod]
    public void NearMissSetHasEnoughSentencesInEveryCategory()
    {
        var rows = Read(NearMiss);
        Assert.IsTrue(rows.Count >= MinNearMiss, $"{rows.Count} near-miss sentences, expected at least {MinNearMiss}");
        foreach (var r in rows)
            Assert.IsTrue(NearMissCategories.ContainsKey(r.Category), $"{At(r)}: category {r.Category} is not one of {string.Join(", ", NearMissCategories.Keys)}");
        foreach (var (category, (min, max)) in NearMissCategories)
        {
            int n = rows.Count(r => r.Category == category);
            Assert.IsTrue(n >= min && n <= max, $"category {category} has {n} sentences, expected {min}..{max}");
        }
    }

    [TestMethod]
    public void NearMissLabelsAreNoneOrAStateQuestionAboutARealLightOrArea()
    {
        foreach (var r in Read(NearMiss))
        {
            Assert.IsNull(r.Lights, $"{At(r)}: a near miss acts on no light, so it has no lights list");
            if (r.Category != "state_question")
            {
                Assert.AreEqual("<none>", r.Intent, $"{At(r)}: only state questions have an intent");
                Assert.AreEqual(0, r.Slots.Count, $"{At(r)}: a <none> sentence has no slots");
                continue;
            }
            Assert.AreEqual("HassGetState", r.Intent, $"{At(r)}: a state question is HassGetState");
            Assert.IsTrue(r.Slots.Keys.All(k => k is "name" or "area"), $"{At(r)}: a state question's slots are name or area");
            Assert.IsTrue(r.Slots.Count <= 1, $"{At(r)}: a state question asks about a light or an area, not both");
            if (r.Slots.TryGetValue("name", out var name))
                Assert.IsTrue(Says(r.Text, LightNamed(name.GetString()!, r).AllNames), $"{At(r)}: the sentence does not say the light {name}");
            if (r.Slots.TryGetValue("area", out var area))
                Assert.IsTrue(Says(r.Text, AreaNamed(area.GetString()!, r).AllNames), $"{At(r)}: the sentence does not say the area {area}");
        }
    }

    [TestMethod]
    public void CommandSetHasEnoughCommandsOfEveryKindAndCoversEveryLightAndArea()
    {
        var rows = Read(Commands);
        Assert.IsTrue(rows.Count >= MinCommands, $"{rows.Count} commands, expected at least {MinCommands}");
        foreach (var (category, min) in CommandCategories)
            Assert.IsTrue(rows.Count(r => r.Category == category) >= min, $"expected at least {min} commands of category {category}");
        foreach (string intent in RequiredIntents)
            Assert.IsTrue(rows.Any(r => r.Intent == intent), $"no command with intent {intent}");
        foreach (var r in rows.Where(r => r.Category == "indirect"))
            Assert.IsTrue(r.Intent != "HassLightSet" || r.Slots.ContainsKey("step"), $"{At(r)}: an indirect request changes brightness only by a step");
        foreach (var light in home.Value.Lights)
            Assert.IsTrue(rows.Any(r => r.Lights!.Contains(light.Name) && r.Category != "all"), $"no command names the light {light.Name}");
        foreach (var area in home.Value.Areas)
            Assert.IsTrue(rows.Any(r => r.Slots.TryGetValue("area", out var a) && a.GetString() == area.Name), $"no command is about the area {area.Name}");
    }

    [TestMethod]
    public void EveryCommandIsLabelledWithTheHomesLightsAndAreas()
    {
        var all = home.Value.Lights.Select(l => l.Name).OrderBy(n => n).ToArray();
        foreach (var r in Read(Commands))
        {
            Assert.IsTrue(CommandIntents.Contains(r.Intent), $"{At(r)}: intent {r.Intent} is not one of {string.Join(", ", CommandIntents)}");
            Assert.IsTrue(CommandCategories.ContainsKey(r.Category), $"{At(r)}: category {r.Category} is not one of {string.Join(", ", CommandCategories.Keys)}");
            Assert.IsTrue(r.Lights is { Length: > 0 }, $"{At(r)}: a command lists the lights it acts on");
            var lights = r.Lights!.Select(n => LightNamed(n, r)).ToArray();
            Assert.AreEqual(lights.Length, lights.Distinct().Count(), $"{At(r)}: a light is listed twice");
            CheckSetSlots(r, lights);
            bool named = r.Slots.TryGetValue("name", out var name), inArea = r.Slots.TryGetValue("area", out var area);
            switch (r.Category)
            {
                case "single" or "area" or "set" or "indirect":
                    Assert.IsTrue(named ^ inArea, $"{At(r)}: a {r.Category} command has a name or an area slot");
                    if (r.Category != "indirect")
                        Assert.AreEqual(r.Category == "set", r.Intent == "HassLightSet", $"{At(r)}: category set is exactly a HassLightSet on one light or area");
                    if (named) CheckNamed(r, lights, LightNamed(name.GetString()!, r));
                    else CheckArea(r, lights, AreaNamed(area.GetString()!, r));
                    Assert.IsTrue(r.Category != "single" || named, $"{At(r)}: category single has a name slot");
                    Assert.IsTrue(r.Category != "area" || inArea, $"{At(r)}: category area has an area slot");
                    break;
                case "multi" or "all":
                    Assert.IsFalse(named || inArea, $"{At(r)}: multi and all commands keep their targets in lights, not in slots");
                    if (r.Category == "all")
                        CollectionAssert.AreEqual(all, r.Lights!.OrderBy(n => n).ToArray(), $"{At(r)}: an all-lights command acts on every light");
                    else
                        Assert.IsTrue(lights.Length >= 2, $"{At(r)}: a multi-target command acts on two lights or more");
                    foreach (var light in lights)
                        Assert.IsTrue(r.Category == "all" || Says(r.Text, light.AllNames.Concat(home.Value.AreaOf(light).AllNames)),
                            $"{At(r)}: the sentence names neither {light.Name} nor its area");
                    break;
            }
        }
    }

    static void CheckNamed(Row r, Light[] lights, Light light)
    {
        Assert.IsTrue(lights.Length == 1 && lights[0] == light, $"{At(r)}: a command naming {light.Name} acts on it alone");
        Assert.IsTrue(Says(r.Text, light.AllNames), $"{At(r)}: the sentence does not say the light {light.Name} or an alias");
    }

    static void CheckArea(Row r, Light[] lights, Area area)
    {
        bool dims = r.Slots.ContainsKey("brightness") || r.Slots.ContainsKey("step");
        var expected = home.Value.LightsIn(area)
            .Where(l => !r.Slots.ContainsKey("color") || l.HasColor)
            .Where(l => !dims || l.Dimmable || l.HasColor)
            .OrderBy(l => l.Name).ToArray();
        CollectionAssert.AreEqual(expected, lights.OrderBy(l => l.Name).ToArray(),
            $"{At(r)}: an area command acts on the area's lights (its colour lights for a colour, its dimmable ones for a brightness)");
        Assert.IsTrue(Says(r.Text, area.AllNames), $"{At(r)}: the sentence does not say the area {area.Name} or an alias");
    }

    static void CheckSetSlots(Row r, Light[] lights)
    {
        string[] setSlots = r.Slots.Keys.Where(k => k is not ("name" or "area")).ToArray();
        Assert.IsTrue(setSlots.All(k => k is "brightness" or "color" or "step"), $"{At(r)}: unknown slot in {string.Join(", ", setSlots)}");
        Assert.AreEqual(r.Intent == "HassLightSet", setSlots.Length > 0, $"{At(r)}: brightness, color and step go with HassLightSet, and it needs one");
        Assert.IsTrue(setSlots.Length <= 1, $"{At(r)}: one of brightness, color or step per command");
        if (r.Slots.TryGetValue("brightness", out var b))
            Assert.IsTrue(b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out int p) && p is >= 0 and <= 100, $"{At(r)}: brightness is an integer percent 0..100");
        if (r.Slots.TryGetValue("step", out var s))
            Assert.IsTrue(s.GetString() is "up" or "down", $"{At(r)}: step is up or down");
        if (r.Slots.TryGetValue("color", out var c))
        {
            Assert.IsTrue(c.ValueKind == JsonValueKind.String && Says(r.Text, [c.GetString()!]), $"{At(r)}: color is a colour word of the sentence");
            Assert.IsTrue(lights.All(l => l.HasColor), $"{At(r)}: a colour command acts only on colour lights");
        }
        if (b.ValueKind != JsonValueKind.Undefined || s.ValueKind != JsonValueKind.Undefined)
            Assert.IsTrue(lights.All(l => l.Dimmable || l.HasColor), $"{At(r)}: a brightness change acts only on dimmable lights");
    }

    /// <summary>A sentence as compared for repeats: lower case, punctuation and runs of spaces as one space.</summary>
    static string Key(string text) => Regex.Replace(text.ToLowerInvariant(), @"[^\p{L}\p{N}']+", " ").Trim();

    [TestMethod]
    public void NoSentenceRepeatsWithinOrAcrossThePair()
    {
        var seen = new Dictionary<string, Row>();
        foreach (var r in Read(NearMiss).Concat(Read(Commands)))
        {
            string key = Key(r.Text);
            Assert.IsFalse(seen.TryGetValue(key, out var first), $"{At(r)} repeats {first?.File}:{first?.Line}");
            seen[key] = r;
        }
    }

    /// <summary>
    /// A fresh dev set must be new: none of its sentences is a sentence of another set of the folder.
    /// The message names only this file's line numbers, so that fixing a repeat does not show the
    /// other sets' sentences (some of them are test sets).
    /// </summary>
    [TestMethod]
    [DataRow(NearMiss)]
    [DataRow(Commands)]
    public void NoSentenceRepeatsAnotherSetOfTheFolder(string file)
    {
        var elsewhere = new HashSet<string>();
        foreach (string path in Directory.EnumerateFiles(RepoFiles.Path("tests/data/lights"), "*.jsonl")
                     .Where(p => Path.GetFileName(p) is not (NearMiss or Commands)))
        {
            foreach (string json in File.ReadLines(path))
            {
                if (json.Trim().Length > 0 && JsonDocument.Parse(json).RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                    elsewhere.Add(Key(text.GetString()!));
            }
        }
        Assert.IsTrue(elsewhere.Count > 0, "no other JSONL set found in tests/data/lights");
        int[] repeats = Read(file).Where(r => elsewhere.Contains(Key(r.Text))).Select(r => r.Line).ToArray();
        Assert.AreEqual(0, repeats.Length, $"{repeats.Length} lines of {file} repeat a sentence of another set of the folder: lines {string.Join(", ", repeats)}");
    }
}
