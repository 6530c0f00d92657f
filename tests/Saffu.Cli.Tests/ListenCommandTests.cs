using System.Text.Json;
using Saffu.Training.Speech;

namespace Saffu.Cli.Tests;

/// <summary>
/// `saffu listen` held to docs/cli.md: usage, bad input, and — where tools/setup-speech installed the speech
/// packages — a spoken test: sentences synthesised with flite, recognised with the exported language model, decided
/// by the device runtime. Without the packages the spoken tests are inconclusive (reported as skipped, never passed).
/// </summary>
[TestClass]
public sealed class ListenCommandTests
{
    private static TestFolder _folder = null!;
    private static string _blob = null!;

    [ClassInitialize]
    public static void ExportLampModel(TestContext _)
    {
        _folder = new TestFolder();
        _blob = Path.Combine(_folder.Path, "lamp.blob");
        var (code, _, error) = SaffuCli.Run("export", "--model", LampModel.Train(_folder), "--out", _blob, "--quiet");
        Assert.AreEqual(0, code, error);
    }

    [ClassCleanup]
    public static void Cleanup() => _folder.Dispose();

    static string? SpeechMissing() =>
        PocketSphinx.Missing(StockSpeechModel.Default) ?? (Tools.Find("flite") is null ? "flite not found" : null);

    static void RequireSpeech()
    {
        if (SpeechMissing() is { } missing) Assert.Inconclusive($"speech packages not installed ({missing}); run tools/setup-speech");
    }

    [TestMethod]
    public void ExportWritesTheLanguageModelBesideTheBlob()
    {
        var (arpa, dict) = SpeechModelFiles.PathsBeside(_blob);
        string text = File.ReadAllText(arpa);
        StringAssert.StartsWith(text, "\\data\\\nngram 1=");
        StringAssert.Contains(text, "\tturn on the\n");
        StringAssert.Contains(text, "\\3-grams:");
        if (File.Exists(StockSpeechModel.Default.Dictionary)) StringAssert.Contains(File.ReadAllText(dict), "lamp L AE M P\n");
    }

    [TestMethod]
    public void NoAudioIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("listen", "--blob", _blob);
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "expected PATH");
    }

    [TestMethod]
    public void AHearingThresholdOutsideZeroToOneIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("listen", "a.wav", "--blob", _blob, "--hearing-threshold", "1.5");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--hearing-threshold 1.5 is invalid");
    }

    [TestMethod]
    [DataRow("--consensus", "1.2", "--consensus 1.2 is invalid")]
    [DataRow("--action-floor", "-0.1", "--action-floor -0.1 is invalid")]
    [DataRow("--every-light", "1.5", "--every-light 1.5 is invalid")]
    public void AConsensusActionFloorOrEveryLightThresholdOutsideZeroToOneIsUsage(string flag, string value, string message)
    {
        var (code, _, error) = SaffuCli.Run("listen", "a.wav", "--blob", _blob, flag, value);
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, message);
    }

    [TestMethod]
    public void AnUnknownRivalGrammarRuleIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("listen", "a.wav", "--blob", _blob, "--rival-grammar", "sometimes");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--rival-grammar sometimes is invalid; expected off, differs or any");
    }

    [TestMethod]
    public void PathsAndMicTogetherIsUsage() => Assert.AreEqual(2, SaffuCli.Run("listen", "a.wav", "--mic", "--blob", _blob).Code);

    [TestMethod]
    public void AMissingBlobIsBadInput()
    {
        var (code, _, error) = SaffuCli.Run("listen", "a.wav", "--blob", Path.Combine(_folder.Path, "none.blob"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "none.blob");
    }

    [TestMethod]
    public void MicWithoutACaptureDeviceIsBadInputSayingSo()
    {
        RequireSpeech();
        if (Microphone.Missing() is null) Assert.Inconclusive("this machine has a capture device; the no-microphone error cannot be shown here");
        var (code, _, error) = SaffuCli.Run("listen", "--mic", "--blob", _blob);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--mic: no");
    }

    [TestMethod]
    public void SpokenCommandsAreRecognisedAndDecidedAndBadFilesDoNotStopTheFolder()
    {
        RequireSpeech();
        string audio = Path.Combine(_folder.Path, "audio");
        Directory.CreateDirectory(audio);
        Say("turn on the lamp", Path.Combine(audio, "1-on.wav"), "slt");
        Say("switch the lamp off", Path.Combine(audio, "2-off.wav"), "rms");
        Say("toggle the lamp", Path.Combine(audio, "3-toggle.wav"), "kal16");
        File.WriteAllBytes(Path.Combine(audio, "4-empty.wav"), []);
        File.WriteAllText(Path.Combine(audio, "5-text.wav"), "not audio");
        Tools.Run("sox", [Path.Combine(audio, "1-on.wav"), "-r", "44100", "-c", "2", Path.Combine(audio, "6-stereo.wav")], out _);
        string json = Path.Combine(_folder.Path, "heard.jsonl");

        var (code, output, error) = SaffuCli.Run("listen", audio, "--blob", _blob, "--json", json);

        Assert.AreEqual(1, code, "two files could not be recognised");
        StringAssert.Contains(error, "4-empty.wav: an empty file (0 bytes)");
        StringAssert.Contains(error, "5-text.wav: no RIFF/WAVE header");
        StringAssert.Contains(output, "answer: the lamp is on");
        var lines = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.HasCount(6, lines);
        string[] intents = ["HassTurnOn", "HassTurnOff", "HassToggle"];
        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual(intents[i], lines[i].GetProperty("intent").GetString(), lines[i].GetProperty("text").GetString());
            Assert.AreEqual("lamp", lines[i].GetProperty("slots").GetProperty("name").GetString());
            foreach (string key in new[] { "file", "text", "understood", "confidence", "action", "answer", "words", "unsure", "agreement", "rival" }) Assert.IsTrue(lines[i].TryGetProperty(key, out _), key);
            var words = lines[i].GetProperty("words").EnumerateArray().ToList();
            Assert.AreEqual(lines[i].GetProperty("text").GetString(), string.Join(' ', words.Select(w => w.GetProperty("word").GetString())), "the posteriors are the transcript's words");
            Assert.IsTrue(words.All(w => w.GetProperty("p").GetDouble() is >= 0 and <= 1));
            Assert.AreEqual(1, lines[i].EnumerateObject().Count(p => p.Name == "answer"), "answer written once");
            Assert.IsTrue(lines[i].GetProperty("agreement").GetDouble() is > 0 and <= 1, "a driving decision's N-best agreement");
        }
        Assert.IsTrue(lines[3].TryGetProperty("error", out _));
        Assert.IsTrue(lines[4].TryGetProperty("error", out _));
        Assert.AreEqual("turn on the lamp", lines[5].GetProperty("text").GetString(), "44.1 kHz stereo converted with sox");
    }

    [TestMethod]
    public void WithoutTheLanguageModelFileItIsRebuiltFromTheBlob()
    {
        RequireSpeech();
        string bare = Path.Combine(_folder.Path, "bare", "lamp.blob");
        Directory.CreateDirectory(Path.GetDirectoryName(bare)!);
        File.Copy(_blob, bare);
        string wav = Path.Combine(_folder.Path, "bare", "on.wav");
        Say("turn on the lamp", wav, "slt");
        var (code, output, error) = SaffuCli.Run("listen", wav, "--blob", bare);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "lamp.arpa not found: using a unigram language model");
        StringAssert.Contains(output, "> ");
    }

    [TestMethod]
    public void WithPortTheSimulatedDeviceDecidesSwitchesAndLogs()
    {
        RequireSpeech();
        string dir = Path.Combine(_folder.Path, "port");
        Directory.CreateDirectory(dir);
        string wav = Path.Combine(dir, "on.wav");
        Say("turn on the kitchen light", wav, "slt");
        string device = Path.Combine(dir, "device"), json = Path.Combine(dir, "heard.jsonl");
        // The simulated device starts with the shipped lights model; the recogniser gets that blob's vocabulary (no
        // lights.arpa beside the copy: the fallback of docs/voice.md §2).
        string blob = Path.Combine(dir, "lights.blob");
        File.Copy(Path.Combine(ExportCommandTests.RepoRoot(), "models", "lights", "lights.blob"), blob);
        var (code, output, error) = SaffuCli.Run("listen", wav, "--blob", blob, "--port", "sim:" + device, "--json", json);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "logged as seq 0");
        using var line = JsonDocument.Parse(File.ReadAllLines(json).Single());
        Assert.AreEqual(Path.GetFullPath(wav), Path.GetFullPath(line.RootElement.GetProperty("file").GetString()!));
        Assert.AreEqual(0, line.RootElement.GetProperty("seq").GetInt64());
        Assert.IsTrue(line.RootElement.TryGetProperty("answer", out _));
        var (lights, lightsOut, lightsError) = SaffuCli.Run("device", "--port", "sim:" + device, "--json", "lights");
        Assert.AreEqual(0, lights, lightsError);
        if (line.RootElement.GetProperty("understood").GetBoolean())
            StringAssert.Contains(lightsOut, "\"level\":100", "the device switched the light it decided on");
    }

    [TestMethod]
    public void TheRivalGrammarDecodesADrivingCommandAgainAndAgreesWithAClearOne()
    {
        RequireSpeech();
        string dir = Path.Combine(_folder.Path, "rival");
        Directory.CreateDirectory(dir);
        Say("turn on the lamp", Path.Combine(dir, "1-on.wav"), "slt");
        Say("what time is it", Path.Combine(dir, "2-time.wav"), "slt");
        string json = Path.Combine(dir, "heard.jsonl");
        var (code, output, error) = SaffuCli.Run("listen", dir, "--blob", _blob, "--json", json, "--rival-grammar", "differs");
        Assert.AreEqual(0, code, error);
        var lines = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.AreEqual("HassTurnOn", lines[0].GetProperty("intent").GetString(), output);
        Assert.IsFalse(string.IsNullOrEmpty(lines[0].GetProperty("rival").GetString()), "a driving decision is decoded again");
        Assert.AreEqual(JsonValueKind.Null, lines[1].GetProperty("rival").ValueKind, "nothing to guard: no second decode");
        var (off, _, offError) = SaffuCli.Run("listen", Path.Combine(dir, "1-on.wav"), "--blob", _blob, "--json", json, "--rival-grammar", "off");
        Assert.AreEqual(0, off, offError);
        Assert.AreEqual(JsonValueKind.Null, JsonDocument.Parse(File.ReadAllLines(json).Single()).RootElement.GetProperty("rival").ValueKind);
    }

    [TestMethod]
    public void APortThatIsNoDeviceIsBadInput()
    {
        RequireSpeech();
        var (code, _, error) = SaffuCli.Run("listen", Path.Combine(_folder.Path, "none.wav"), "--blob", _blob, "--port", Path.Combine(_folder.Path, "no-such-port"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--port");
    }

    static void Say(string text, string wav, string voice) => Tools.Run("flite", ["-voice", voice, "-t", text, "-o", wav], out _);
}
