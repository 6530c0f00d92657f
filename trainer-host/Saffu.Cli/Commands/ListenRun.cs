using Saffu.Training.DeviceLink;
using Saffu.Training.Export;
using Saffu.Training.Simulation;
using Saffu.Training.Speech;

namespace Saffu.Cli.Commands;

/// <summary>
/// One `saffu listen` invocation: load the blob (as `saffu run`), find or rebuild the language model and dictionary,
/// recognise every file in one recogniser run (or the microphone), and run each transcript through the same
/// <see cref="TranscriptRunner"/> as `saffu run` — unless the <see cref="HearingCheck"/> finds a word the decision
/// depends on heard too unsurely: then nothing is acted on (nor sent to the device) and the speaker is asked to repeat.
/// </summary>
internal sealed class ListenRun(string blobPath, string[] paths, string? jsonPath, bool say, bool mic, string? port, double hearingThreshold,
    double consensus, double floor, RivalRule rival, double everyLight, TextWriter output, TextWriter error)
{
    int _failed;
    DeviceClient? _device;
    HearingCheck? _check;

    public int Execute()
    {
        TranscriptRunner runner;
        Saffu.Runtime.Model.SaffuModel judged;
        try
        {
            runner = new TranscriptRunner(SimulatedModel.LoadFile(blobPath));
            judged = SimulatedModel.LoadFile(blobPath);
        }
        catch (Exception e) when (e is BlobFileException or BlobLoadException)
        {
            return Fail(e.Message);
        }
        var stock = StockSpeechModel.Default;
        if (PocketSphinx.Missing(stock) is { } missing) return Fail(missing);
        if (mic && Saffu.Training.Speech.Microphone.Missing() is { } noMic)
            return Fail($"--mic: {noMic}. Record a WAV file elsewhere and pass it as PATH instead.");
        string temp = Directory.CreateTempSubdirectory("saffu-listen-").FullName;
        try
        {
            if (port is not null) _device = Connect(port);
            var recogniser = new PocketSphinx(stock, LanguageModel(runner, stock, temp, out string dict), dict);
            PhoneNeighbours? neighbours = rival == RivalRule.Off ? null : PhoneNeighbours.OfModel(judged, PronunciationDictionary.Load(dict));
            _check = new HearingCheck(judged, hearingThreshold, consensus, floor: floor, neighbours: neighbours, rival: rival, everyLight: everyLight);
            using TextWriter? json = jsonPath is null ? null : OpenJson(jsonPath);
            if (jsonPath is not null && json is null) return SaffuCommand.BadInput;
            if (mic) FromMicrophone(recogniser, runner, json);
            else Files(recogniser, runner, json, temp);
            return _failed > 0 ? SaffuCommand.BadInput : SaffuCommand.Ok;
        }
        catch (RecogniserException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is DeviceLinkException or IOException)
        {
            return Fail($"--port {port}: {e.Message}");
        }
        finally
        {
            _device?.Dispose();
            Directory.Delete(temp, recursive: true);
        }
    }

    int Fail(string message)
    {
        error.WriteLine($"saffu listen: {message}");
        return SaffuCommand.BadInput;
    }

    TextWriter? OpenJson(string path)
    {
        try
        {
            return new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Fail($"--json {path}: cannot be written ({e.Message}); expected a writable file path");
            return null;
        }
    }

    /// <summary>FILE.arpa and FILE.dict beside the blob; what is missing is rebuilt from the blob's vocabulary into <paramref name="temp"/>.</summary>
    string LanguageModel(TranscriptRunner runner, StockSpeechModel stock, string temp, out string dict)
    {
        var (arpa, dictPath) = SpeechModelFiles.PathsBeside(blobPath);
        dict = dictPath;
        if (File.Exists(arpa) && File.Exists(dictPath)) return arpa;
        var vocabulary = runner.Model.Vocabulary;
        var words = Enumerable.Range(0, vocabulary.Count).Select(vocabulary.Word).ToList();
        var built = SpeechModelFiles.FromBlobVocabulary(words, PronunciationDictionary.Load(stock.Dictionary));
        string rebuilt = Path.Combine(temp, "blob.blob");
        built.WriteBeside(rebuilt);
        var (tempArpa, tempDict) = SpeechModelFiles.PathsBeside(rebuilt);
        if (!File.Exists(dictPath)) dict = tempDict;
        if (File.Exists(arpa)) return arpa;
        error.WriteLine($"saffu listen: {arpa} not found: using a unigram language model of the blob's {built.Words} words "
            + "(less accurate; 'saffu export' writes the fitted trigram beside the blob)");
        return tempArpa;
    }

    void Files(PocketSphinx recogniser, TranscriptRunner runner, TextWriter? json, string temp)
    {
        var inputs = AudioInputs.Expand(paths);
        var ready = new List<(int Index, string Path)>();
        var errors = new Dictionary<int, string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Error is { } e) { errors[i] = e; continue; }
            try
            {
                ready.Add((i, AudioConversion.Prepare(inputs[i].Path, temp, i).Path));
            }
            catch (AudioFileException bad)
            {
                errors[i] = bad.Message;
            }
        }
        var (heard, _) = recogniser.Recognise(ready.Select(r => r.Path).ToList());
        var text = new Dictionary<int, Recognition>();
        var rivals = WithRivals(recogniser, heard, ready.Select(r => r.Path).ToList());
        for (int k = 0; k < ready.Count; k++) text[ready[k].Index] = rivals[k];
        for (int i = 0; i < inputs.Count; i++)
        {
            if (errors.TryGetValue(i, out string? message))
            {
                _failed++;
                error.WriteLine($"saffu listen: {message}");
                json?.WriteLine(TranscriptJson.Error(inputs[i].Path, message));
                continue;
            }
            Decide(runner, text[i], inputs[i].Path, json);
        }
    }

    void FromMicrophone(PocketSphinx recogniser, TranscriptRunner runner, TextWriter? json)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            error.WriteLine("saffu listen: listening to the microphone; speak a command, Ctrl+C to stop");
            recogniser.Listen((heard, audio) => Decide(runner, audio is null ? heard : WithRivals(recogniser, [heard], [audio])[0], "mic", json), cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }

    /// <summary>
    /// Each recognition whose decision would drive a light decoded again with its rival grammar (docs/voice.md §10), all
    /// in one recogniser run, <see cref="Recognition.Rival"/> set; unchanged when the rule is off.
    /// </summary>
    IReadOnlyList<Recognition> WithRivals(PocketSphinx recogniser, IReadOnlyList<Recognition> heard, IReadOnlyList<string> audio)
    {
        var jobs = heard.Select((h, i) => (Index: i, Fsg: _check!.RivalFsg(h))).Where(j => j.Fsg is not null).ToList();
        if (jobs.Count == 0) return heard;
        var (sentences, _) = recogniser.DecodeWithGrammars(jobs.Select(j => (audio[j.Index], j.Fsg!)).ToList());
        var result = heard.ToArray();
        for (int k = 0; k < jobs.Count; k++) result[jobs[k].Index] = heard[jobs[k].Index] with { Rival = sentences[k] };
        return result;
    }

    /// <summary>The device application (or sim:DIR) over the serial protocol, resynchronised (as `saffu device`).</summary>
    DeviceClient Connect(string device)
    {
        IDeviceLink link = DeviceLinks.Open(device, SerialDeviceLink.DefaultBaud);
        if (link is SimulatedDeviceLink { NewDevice: true })
            error.WriteLine($"saffu listen: new simulated device in {device[DeviceLinks.SimulatorPrefix.Length..]}, with the shipped default model built in");
        var client = new DeviceClient(link, TimeSpan.FromSeconds(DeviceCommand.DefaultTimeoutSeconds));
        client.Connect();
        return client;
    }

    /// <summary>With --port: the device decides, switches its pins, logs, and its answer is the one spoken.</summary>
    void DecideOnDevice(DeviceClient device, Recognition heard, string file, TextWriter? json)
    {
        DeviceDecision d = device.Say(heard.Text);
        output.WriteLine($"{file}:");
        output.WriteLine(DeviceSendCommand.Text(d));
        output.Flush();
        if (json is not null)
        {
            json.WriteLine(WithHearing(System.Text.Json.Nodes.JsonNode.Parse(DeviceSendCommand.Json(d, file))!.AsObject(), heard, null, Agreement(heard)).ToJsonString());
            json.Flush();
        }
        if (say) Say(d.Answer);
    }

    void Decide(TranscriptRunner runner, Recognition heard, string file, TextWriter? json)
    {
        if (_check!.Doubt(heard) is { } doubt) { Refuse(heard, doubt, file, json); return; }
        if (_device is { } device) { DecideOnDevice(device, heard, file, json); return; }
        TranscriptResult result = runner.Run(heard.Text);
        string answer = SpokenAnswer.For(result);
        output.WriteLine($"{file}:");
        RunReport.Write(output, result, runner.Intents);
        output.WriteLine($"  answer: {answer}");
        output.Flush();
        json?.WriteLine(WithHearing(System.Text.Json.Nodes.JsonNode.Parse(TranscriptJson.Line(result, file, answer))!.AsObject(), heard, null, Agreement(heard)).ToJsonString());
        json?.Flush();
        if (say) Say(answer);
    }

    /// <summary>
    /// A word the decision depends on was heard too unsurely, too little of the N-best list backs the decision, or the
    /// model's confidence is below the action floor: nothing is acted on or sent; the speaker is asked to repeat.
    /// </summary>
    void Refuse(Recognition heard, HearingDoubt doubt, string file, TextWriter? json)
    {
        TranscriptResult result = _check!.Refused(heard, doubt);
        string answer = result.Answer ?? HearingCheck.Answer;
        output.WriteLine($"{file}:");
        output.WriteLine($"> {TranscriptJson.ValidUtf16(heard.Text)}");
        output.WriteLine(doubt.Confidence is { } confidence
            ? $"  not understood: low confidence: {P(confidence)} (below the action floor {P(floor)})"
            : doubt.Word is { } unsure
            ? unsure.Word.Length == 0
                ? "  not understood: unsure hearing: the recogniser gave no word posteriors"
                : doubt.EveryLight
                ? $"  not understood: unsure hearing: \"{unsure.Word}\" heard with posterior {P(unsure.Posterior)} (below {P(everyLight)}), and the decision would switch every light without naming one"
                : $"  not understood: unsure hearing: \"{unsure.Word}\" heard with posterior {P(unsure.Posterior)} (below {P(hearingThreshold)}), and the decision depends on it"
            : doubt.Rival is { } other
            ? $"  not understood: unsure hearing: decoded again with the decision's words and their sound-alikes, the audio says \"{TranscriptJson.ValidUtf16(other)}\", which leads elsewhere"
            : $"  not understood: unsure hearing: {P(doubt.Agreement ?? 0)} of the recogniser's {heard.Alternatives.Count} best hypotheses agree with the decision (below {P(consensus)})");
        output.WriteLine("  action: none");
        output.WriteLine($"  answer: {answer}");
        output.Flush();
        json?.WriteLine(WithHearing(System.Text.Json.Nodes.JsonNode.Parse(TranscriptJson.Line(result, file, answer))!.AsObject(), heard, doubt.Word,
                doubt.Agreement ?? Agreement(heard))
            .ToJsonString());
        json?.Flush();
        if (say) Say(answer);
    }

    /// <summary>The share of the N-best list agreeing with a driving decision (docs/voice.md §9); null when the transcript drives nothing.</summary>
    double? Agreement(Recognition heard) => _check!.Votes(heard) is { } votes ? DecisionConsensus.Agreement(votes, _check.ConsensusScale) : null;

    /// <summary>
    /// Appends `words` (the transcript's words with their posteriors), `unsure` (the word that made it refused, or null),
    /// `agreement` (the N-best list's share backing a driving decision, or null) and `rival` (the rival-grammar decode's
    /// sentence, docs/voice.md §10, or null when none was made).
    /// </summary>
    static System.Text.Json.Nodes.JsonObject WithHearing(System.Text.Json.Nodes.JsonObject line, Recognition heard, HeardWord? unsure, double? agreement)
    {
        var words = new System.Text.Json.Nodes.JsonArray();
        foreach (HeardWord w in heard.Words) words.Add(new System.Text.Json.Nodes.JsonObject { ["word"] = w.Word, ["p"] = Math.Round(w.Posterior, 3) });
        line["words"] = words;
        line["unsure"] = unsure is null ? null : new System.Text.Json.Nodes.JsonObject { ["word"] = unsure.Word, ["p"] = Math.Round(unsure.Posterior, 3) };
        line["agreement"] = agreement is { } a ? Math.Round(a, 3) : null;
        line["rival"] = heard.Rival is { } rival ? TranscriptJson.ValidUtf16(rival) : null;
        return line;
    }

    static string P(double p) => p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    bool _sayFailed;

    void Say(string answer)
    {
        if (_sayFailed) return;
        if (Saffu.Training.Speech.Microphone.SpeakerMissing() is { } noSpeaker)
        {
            _sayFailed = true;
            error.WriteLine($"saffu listen: --say: {noSpeaker}; answers are printed but not spoken");
            return;
        }
        try
        {
            Tools.Run("flite", ["-t", answer], out _);
        }
        catch (RecogniserException e)
        {
            _sayFailed = true;
            error.WriteLine($"saffu listen: --say: {e.Message} (answers are printed but not spoken)");
        }
    }
}
