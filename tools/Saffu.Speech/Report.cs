using System.Globalization;
using System.Text;
using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using ScottPlot;

namespace Saffu.Speech;

/// <summary>One decision scored against the typed sentence's labels.</summary>
internal sealed record Scored(bool IntentRight, bool SlotsRight, bool Understood, bool Switched, bool Unsure = false, double Confidence = 0)
{
    /// <summary>Refused by the hearing check (docs/voice.md §8): nothing understood, nothing switched.</summary>
    public static readonly Scored Refused = new(false, false, false, false, true);

    /// <summary>A light switched or set that the speaker did not ask for: pins driven for a wrong intent or wrong slots.</summary>
    public bool WrongAction(Sentence s) => Switched && (!s.IsCommand || !IntentRight || !SlotsRight);

    /// <summary>
    /// <paramref name="r"/> scored against <paramref name="s"/>'s labels: the same slots, or for a sentence labelled with
    /// the lights it must act on, a driving action on exactly those lights with the same values (brightness, colour, step)
    /// — a command on several lights or an area has no name slot that could say which lights it meant.
    /// </summary>
    public static Scored Of(TranscriptResult r, Sentence s)
    {
        bool switched = r.Understood && r.Action?.Kind == ActionResult.KindPins;
        var slots = r.Slots.ToDictionary(v => v.Name, v => v.Text, StringComparer.Ordinal);
        bool slotsRight = s.Lights is { } lights
            ? switched && r.Action!.Lights.Select(l => l.Name).ToHashSet(StringComparer.Ordinal).SetEquals(lights) && SameValues(slots, s.Slots)
            : slots.Count == s.Slots.Count && s.Slots.All(kv => slots.TryGetValue(kv.Key, out var v) && v == kv.Value);
        return new Scored(r.Understood && r.Intent == s.Intent, slotsRight, r.Understood, switched, Confidence: r.Confidence);
    }

    static readonly string[] Targets = [Saffu.Training.Grammar.LightSlots.Name, Saffu.Training.Grammar.LightSlots.Area];

    static bool SameValues(Dictionary<string, string> heard, IReadOnlyDictionary<string, string> labelled)
    {
        var values = heard.Where(kv => !Targets.Contains(kv.Key)).ToList();
        return values.Count == labelled.Count(kv => !Targets.Contains(kv.Key)) && values.All(kv => labelled.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }

    /// <summary>As decided when a light is driven only at confidence <paramref name="floor"/> or more (the blob's reject threshold).</summary>
    public Scored WithFloor(double floor) => Switched && Confidence < floor ? this with { IntentRight = false, SlotsRight = false, Understood = false, Switched = false } : this;

    public bool RefusedByFloor(double floor) => Switched && Confidence < floor;
}

internal sealed class Report
{
    public const string PlotFile = "speech-benchmark.png";
    readonly BenchOptions _options;
    readonly IReadOnlyList<Sentence> _sentences;
    readonly IReadOnlyList<Recognised> _runs;
    readonly List<BlobScores> _blobs = [];
    readonly Dictionary<RivalVariant, Dictionary<Recognised, string>> _rivals;
    readonly double _rivalSeconds;

    /// <summary>
    /// One blob's scores: typed sentences, every recognition as decided without the hearing check (<see cref="Raw"/>), the
    /// least sure word each decision depends on (<see cref="Weakest"/>, docs/voice.md §8), and the decisions with the
    /// check at the benchmark's threshold (<see cref="Spoken"/>).
    /// </summary>
    sealed record BlobScores(string Blob, Dictionary<Sentence, Scored> Typed, Dictionary<Recognised, Scored> Raw,
        Dictionary<Recognised, HeardWord?> Weakest, Dictionary<Recognised, IReadOnlyList<DecisionConsensus.Vote>?> Votes, Dictionary<Recognised, Scored> Spoken,
        Dictionary<RivalVariant, Dictionary<Recognised, RivalGrammar.Outcome>> Rival, Dictionary<Recognised, HeardWord?> Loose)
    {
        /// <summary>Whether the rival-grammar rule (docs/voice.md §10) refuses <paramref name="r"/>: its grammar decode (with or without deletions) leads elsewhere.</summary>
        public bool RivalRefuses(Recognised r, RivalRule rule, RivalVariant variant) =>
            rule != RivalRule.Off && Rival.TryGetValue(variant, out var outcomes) && outcomes.TryGetValue(r, out var o)
            && (o == RivalGrammar.Outcome.Differs || (rule == RivalRule.Any && o == RivalGrammar.Outcome.DrivesNothing));

        public Scored At(Recognised r, double threshold) => Weakest[r] is { } w && w.Posterior < threshold ? Scored.Refused : Raw[r];

        /// <summary>
        /// As decided with the hearing check at <paramref name="threshold"/>, the decision consensus at
        /// <paramref name="consensus"/> and the action floor at <paramref name="floor"/> (§9): refused by any of them counts as refused.
        /// </summary>
        public Scored At(Recognised r, double threshold, double consensus, double scale, double floor = 0, RivalRule rival = RivalRule.Off, RivalVariant variant = default,
            double everyLight = 0)
        {
            if (consensus > 0 && Votes[r] is { } votes && DecisionConsensus.Agreement(votes, scale) < consensus) return Scored.Refused;
            if (RivalRefuses(r, rival, variant)) return Scored.Refused;
            if (Loose[r] is { } loose && loose.Posterior < everyLight) return Scored.Refused;
            Scored heard = At(r, threshold);
            return !heard.Unsure && heard.Switched && heard.Confidence < floor ? Scored.Refused : heard;
        }
    }

    public Report(BenchOptions options, IReadOnlyList<Sentence> sentences, IReadOnlyList<Recognised> runs,
        Dictionary<RivalVariant, Dictionary<Recognised, string>> rivals, double rivalSeconds)
    {
        _rivals = rivals;
        _rivalSeconds = rivalSeconds;
        _options = options;
        _sentences = sentences;
        _runs = runs;
        foreach (string blob in options.Blobs)
        {
            var runner = new DecisionJudge(SimulatedModel.LoadFile(blob));
            var model = SimulatedModel.LoadFile(blob);
            var check = new HearingCheck(model, options.HearingThreshold);
            var typed = sentences.ToDictionary(s => s, s => Scored.Of(runner.Decide(s.Text), s));
            var raw = runs.ToDictionary(r => r, r => Scored.Of(runner.Decide(r.Text), r.Utterance.Sentence));
            var weakest = runs.ToDictionary(r => r, r => check.WeakestNeededWord(r.Heard));
            var votes = runs.ToDictionary(r => r, r => check.Votes(r.Heard));
            var rival = rivals.ToDictionary(kv => kv.Key, kv => kv.Value.ToDictionary(x => x.Key, x => RivalGrammar.Verdict(runner, x.Key.Text, x.Value)));
            var loose = runs.ToDictionary(r => r, r => check.WeakestEveryLightWord(r.Heard));
            var scores = new BlobScores(blob, typed, raw, weakest, votes, [], rival, loose);
            foreach (Recognised r in runs)
                scores.Spoken[r] = scores.At(r, options.HearingThreshold, options.Consensus, options.ConsensusScale, options.ActionFloor, options.Rival, options.RivalVariants[0],
                    options.EveryLight);
            _blobs.Add(scores);
        }
    }

    /// <summary>Every recognition with its decision (first blob), one JSON object a line, for reading the errors.</summary>
    public string Details()
    {
        var runner = new DecisionJudge(SimulatedModel.LoadFile(_options.Blobs[0]));
        var lines = new StringBuilder();
        foreach (Recognised r in _runs)
        {
            TranscriptResult typed = runner.Decide(r.Utterance.Sentence.Text), heard = runner.Decide(r.Text);
            var o = new System.Text.Json.Nodes.JsonObject
            {
                ["lm"] = r.Lm, ["condition"] = r.Utterance.Condition, ["set"] = r.Utterance.Sentence.Set, ["typed"] = r.Utterance.Sentence.Text,
                ["heard"] = r.Text, ["gold"] = r.Utterance.Sentence.Intent + " " + string.Join(",", r.Utterance.Sentence.Slots.Select(kv => $"{kv.Key}={kv.Value}"))
                    + (r.Utterance.Sentence.Lights is { } lights ? $" lights={string.Join("+", lights)}" : ""),
                ["typedDecision"] = Show(typed), ["heardDecision"] = Show(heard), ["wrongAction"] = _blobs[0].Raw[r].WrongAction(r.Utterance.Sentence),
                ["typedWrongAction"] = _blobs[0].Typed[r.Utterance.Sentence].WrongAction(r.Utterance.Sentence),
                ["intentRight"] = _blobs[0].Raw[r].IntentRight, ["slotsRight"] = _blobs[0].Raw[r].SlotsRight, ["switched"] = _blobs[0].Raw[r].Switched,
                ["confidence"] = Math.Round(heard.Confidence, 4), ["typedConfidence"] = Math.Round(typed.Confidence, 4),
                ["words"] = string.Join(' ', r.Heard.Words.Select(w => $"{w.Word}:{w.Posterior.ToString("F3", CultureInfo.InvariantCulture)}")),
                ["weakestNeeded"] = _blobs[0].Weakest[r] is { } weak ? $"{weak.Word}:{weak.Posterior.ToString("F3", CultureInfo.InvariantCulture)}" : null,
                ["agreement"] = _blobs[0].Votes[r] is { } votes ? Math.Round(DecisionConsensus.Agreement(votes, _options.ConsensusScale), 4) : null,
                ["nbest"] = string.Join(" | ", r.Heard.Alternatives.Select(h => $"{h.Text} ({h.Score})")),
                ["refused"] = _blobs[0].Spoken[r].Unsure,
                ["everyLightWeakest"] = _blobs[0].Loose[r] is { } loose ? $"{loose.Word}:{loose.Posterior.ToString("F3", CultureInfo.InvariantCulture)}" : null,
                ["rivals"] = new System.Text.Json.Nodes.JsonObject(_rivals.Where(kv => kv.Value.ContainsKey(r)).Select(kv =>
                    KeyValuePair.Create(kv.Key.ToString(), (System.Text.Json.Nodes.JsonNode?)$"{kv.Value[r]} → {_blobs[0].Rival[kv.Key][r]}"))),
            };
            lines.Append(o.ToJsonString()).Append('\n');
        }
        return lines.ToString();
    }

    static string Show(TranscriptResult r) => (r.Understood ? r.Intent : $"not understood ({r.Reason})") + " "
        + string.Join(",", r.Slots.Select(v => $"{v.Name}={v.Text}")) + (r.Action is { } a ? $" → {a.Kind}: {a.Message}" : "");

    IEnumerable<(string Name, List<Recognised> Runs)> Groups()
    {
        var voices = _options.Voices;
        foreach (string lm in new[] { "fitted", "general" })
        {
            var clean = _runs.Where(r => r.Lm == lm && r.Utterance.Snr is null && voices.Contains(r.Utterance.Voice)).ToList();
            if (clean.Count == 0) continue;
            yield return ($"**{lm} LM, {voices.Count} voices, clean**", clean);
            foreach (Voice v in voices) yield return ($"{lm} LM, {v.Name}", clean.Where(r => r.Utterance.Voice == v).ToList());
        }
        foreach (int snr in _options.Snr)
            yield return ($"fitted LM, {voices.Count} voices + noise {snr} dB", _runs.Where(r => r.Utterance.Snr == snr).ToList());
        if (_options.Stress is { } stress)
            yield return ($"fitted LM, {stress.Name} (stress case)", _runs.Where(r => r.Utterance.Voice == stress).ToList());
    }

    public string Markdown(double seconds)
    {
        var md = new StringBuilder();
        int commands = _sentences.Count(s => s.IsCommand), ood = _sentences.Count - commands;
        md.AppendLine($"Sentences: {commands} commands ({string.Join(", ", _sentences.Where(s => s.IsCommand).GroupBy(s => s.Set).Select(g => $"{g.Count()} {g.Key}"))}), "
            + $"{ood} out of domain ({string.Join(", ", _sentences.Where(s => !s.IsCommand).GroupBy(s => s.Set).Select(g => $"{g.Count()} {g.Key}"))}); "
            + $"{_runs.Count} recognitions of {_runs.Select(r => r.Utterance.Wav).Distinct().Count()} recordings "
            + $"({_runs.Select(r => r.Utterance).Distinct().Sum(u => u.Seconds) / 60:F1} min of audio); whole run {seconds:F0} s with {_options.Parallel} recogniser process(es).");
        md.AppendLine();
        foreach (BlobScores scores in _blobs)
        {
            var (blob, typed, _, _, _, spoken, _, _) = scores;
            var typedCommands = _sentences.Where(s => s.IsCommand).ToList();
            md.AppendLine($"Blob `{blob}`. Typed text (no recogniser): intent accuracy {P(typedCommands.Count(s => typed[s].IntentRight), commands)}, "
                + $"slot exact match {P(typedCommands.Count(s => typed[s].IntentRight && typed[s].SlotsRight), commands)}, "
                + $"wrong actions {P(typedCommands.Count(s => typed[s].WrongAction(s)), commands)} of commands, "
                + $"out of domain switching nothing {P(_sentences.Count(s => !s.IsCommand && !typed[s].Switched), ood)}.");
            md.AppendLine();
            md.AppendLine("| condition | WER commands | intent acc. | slot EM | misrecognised commands: acted wrongly / rejected / still right | confident wrong actions (% of commands) | of them not made on typed text | refused: unsure hearing | OOD switching nothing | RTF |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, runs) in Groups())
            {
                var cmd = runs.Where(r => r.Utterance.Sentence.IsCommand).ToList();
                var oodRuns = runs.Where(r => !r.Utterance.Sentence.IsCommand).ToList();
                long edits = 0, words = 0;
                var misheard = new List<Recognised>();
                foreach (var r in cmd)
                {
                    var reference = SpokenWords.Of(r.Utterance.Sentence.Text);
                    int e = Alignment.Edits(reference, r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    edits += e;
                    words += reference.Count;
                    if (e > 0) misheard.Add(r);
                }
                int wrong = misheard.Count(r => spoken[r].WrongAction(r.Utterance.Sentence));
                int rejected = misheard.Count(r => !spoken[r].Understood);
                int right = misheard.Count(r => spoken[r].IntentRight && spoken[r].SlotsRight);
                double rtf = runs.Sum(r => r.Seconds) / runs.Sum(r => r.Utterance.Seconds);
                md.AppendLine($"| {name} | {(words == 0 ? "–" : (100.0 * edits / words).ToString("F1", CultureInfo.InvariantCulture) + "%")} "
                    + $"| {P(cmd.Count(r => spoken[r].IntentRight), cmd.Count)} | {P(cmd.Count(r => spoken[r].IntentRight && spoken[r].SlotsRight), cmd.Count)} "
                    + $"| {misheard.Count}: {P(wrong, misheard.Count)} / {P(rejected, misheard.Count)} / {P(right, misheard.Count)} "
                    + $"| {P(cmd.Count(r => spoken[r].WrongAction(r.Utterance.Sentence)), cmd.Count)} ({cmd.Count(r => spoken[r].WrongAction(r.Utterance.Sentence))} of {cmd.Count}) "
                    + $"| {cmd.Count(r => spoken[r].WrongAction(r.Utterance.Sentence) && !typed[r.Utterance.Sentence].WrongAction(r.Utterance.Sentence))} "
                    + $"| {P(cmd.Count(r => spoken[r].Unsure), cmd.Count)} "
                    + $"| {P(oodRuns.Count(r => !spoken[r].Switched), oodRuns.Count)} ({oodRuns.Count(r => spoken[r].Switched)} of {oodRuns.Count} switched) "
                    + $"| {rtf.ToString("F3", CultureInfo.InvariantCulture)} |");
            }
            md.AppendLine();
            Trade(md, scores);
            ConsensusTrade(md, scores);
            RuleTrade(md, scores);
            RivalTrade(md, scores);
            EveryLightTrade(md, scores);
            Floors(md, scores);
        }
        return md.ToString();
    }

    /// <summary>
    /// What a confidence floor on acting would do (the blob's reject threshold, issue 11's; not a listen option): per
    /// floor, typed commands and the fitted LM's clean recognitions (hearing check at the benchmark's threshold) — wrong
    /// actions, intent accuracy, and commands whose light was not driven because of the floor.
    /// </summary>
    void Floors(StringBuilder md, BlobScores scores)
    {
        var clean = _runs.Where(r => r.Lm == "fitted" && r.Utterance.Snr is null && _options.Voices.Contains(r.Utterance.Voice) && r.Utterance.Sentence.IsCommand).ToList();
        var typed = _sentences.Where(s => s.IsCommand).ToList();
        if (clean.Count == 0) return;
        md.AppendLine($"Acting only at a confidence floor (the blob's reject threshold; typed: {typed.Count} commands; spoken: {clean.Count}, fitted LM, clean, hearing check at {_options.HearingThreshold.ToString(CultureInfo.InvariantCulture)}):");
        md.AppendLine();
        md.AppendLine("| floor | typed: wrong actions | typed: intent acc. | typed: not driven by the floor | spoken: confident wrong actions | spoken: intent acc. | spoken: not driven by the floor |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (double f in new[] { 0, 0.3, 0.4, 0.45, 0.5, 0.6 })
        {
            var t = typed.ToDictionary(s => s, s => scores.Typed[s].WithFloor(f));
            var sp = clean.ToDictionary(r => r, r => scores.Spoken[r].WithFloor(f));
            int tw = typed.Count(s => t[s].WrongAction(s)), sw = clean.Count(r => sp[r].WrongAction(r.Utterance.Sentence));
            md.AppendLine($"| {f.ToString(CultureInfo.InvariantCulture)} | {P(tw, typed.Count)} ({tw}) | {P(typed.Count(s => t[s].IntentRight), typed.Count)} "
                + $"| {P(typed.Count(s => scores.Typed[s].RefusedByFloor(f)), typed.Count)} | {P(sw, clean.Count)} ({sw}) | {P(clean.Count(r => sp[r].IntentRight), clean.Count)} "
                + $"| {P(clean.Count(r => scores.Spoken[r].RefusedByFloor(f)), clean.Count)} |");
        }
        md.AppendLine();
    }

    /// <summary>
    /// The hearing check's trade on the fitted LM's clean recognitions (docs/voice.md §8): per threshold, intent accuracy,
    /// confident wrong actions (and how many the typed sentence does not make), commands refused as unsure hearing (and
    /// how many of them would have been decided right), out-of-domain speech switching nothing.
    /// </summary>
    void Trade(StringBuilder md, BlobScores scores)
    {
        var clean = _runs.Where(r => r.Lm == "fitted" && r.Utterance.Snr is null && _options.Voices.Contains(r.Utterance.Voice)).ToList();
        var cmd = clean.Where(r => r.Utterance.Sentence.IsCommand).ToList();
        var ood = clean.Where(r => !r.Utterance.Sentence.IsCommand).ToList();
        if (cmd.Count == 0) return;
        int noPosteriors = clean.Count(r => r.Text.Length > 0 && !r.Heard.HasPosteriors);
        md.AppendLine($"Hearing check, fitted LM, {_options.Voices.Count} voices, clean ({cmd.Count} commands, {ood.Count} out of domain; "
            + $"{noPosteriors} transcripts without word posteriors); the benchmark's threshold is {_options.HearingThreshold.ToString(CultureInfo.InvariantCulture)}:");
        md.AppendLine();
        md.AppendLine("| threshold | intent acc. | slot EM | confident wrong actions | of them not made on typed text | refused: unsure hearing | of the refused, decided right without the check | OOD switching nothing |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (double t in _options.HearingSweep)
        {
            var at = clean.ToDictionary(r => r, r => scores.At(r, t));
            int wrong = cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence));
            var refused = cmd.Where(r => at[r].Unsure).ToList();
            md.AppendLine($"| {t.ToString(CultureInfo.InvariantCulture)} | {P(cmd.Count(r => at[r].IntentRight), cmd.Count)} "
                + $"| {P(cmd.Count(r => at[r].IntentRight && at[r].SlotsRight), cmd.Count)} | {P(wrong, cmd.Count)} ({wrong}) "
                + $"| {cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence) && !scores.Typed[r.Utterance.Sentence].WrongAction(r.Utterance.Sentence))} "
                + $"| {P(refused.Count, cmd.Count)} ({refused.Count}) | {refused.Count(r => scores.Raw[r].IntentRight && scores.Raw[r].SlotsRight)} "
                + $"| {P(ood.Count(r => !at[r].Switched), ood.Count)} |");
        }
        md.AppendLine();
    }

    /// <summary>
    /// The decision consensus's trade on the fitted LM's clean recognitions (docs/voice.md §9): per N-best score scale and
    /// agreement threshold, with the hearing check at the benchmark's threshold and without it (0), the same columns as
    /// <see cref="Trade"/>.
    /// </summary>
    void ConsensusTrade(StringBuilder md, BlobScores scores)
    {
        var (cmd, ood) = CleanRuns();
        if (cmd.Count == 0) return;
        int noList = cmd.Concat(ood).Count(r => scores.Votes[r] is { Count: 0 });
        md.AppendLine($"Decision consensus over the N-best list (up to {PocketSphinx.NBest} hypotheses), fitted LM, {_options.Voices.Count} voices, clean "
            + $"({cmd.Count} commands, {ood.Count} out of domain; {noList} driving transcripts without an N-best list), with the hearing check at "
            + $"{F(_options.HearingThreshold)}, no action floor, per score scale and agreement threshold:");
        md.AppendLine();
        RuleHeader(md);
        foreach (double scale in _options.ConsensusScales)
            foreach (double t in _options.ConsensusSweep)
                RuleRow(md, scores, cmd, ood, _options.HearingThreshold, t, scale, 0);
        md.AppendLine();
    }

    /// <summary>
    /// The voice-path rules together (docs/voice.md §9): hearing check × action floor × decision consensus (at the
    /// benchmark's scale), on the fitted LM's clean recognitions.
    /// </summary>
    void RuleTrade(StringBuilder md, BlobScores scores)
    {
        var (cmd, ood) = CleanRuns();
        if (cmd.Count == 0) return;
        md.AppendLine($"Voice-path rules together (fitted LM, clean; the benchmark's rule: hearing {F(_options.HearingThreshold)}, "
            + $"agreement ≥ {F(_options.Consensus)} at scale {F(_options.ConsensusScale)}, action floor {F(_options.ActionFloor)}):");
        md.AppendLine();
        RuleHeader(md);
        foreach (double consensus in new[] { 0, _options.Consensus > 0 ? _options.Consensus : 0.5 })
            foreach (double hearing in _options.HearingGrid)
                foreach (double floor in _options.FloorGrid)
                    RuleRow(md, scores, cmd, ood, hearing, consensus, _options.ConsensusScale, floor);
        md.AppendLine();
    }

    /// <summary>
    /// The rival-grammar rule (docs/voice.md §10) with the hearing check and the action floor (no consensus), on the fitted
    /// LM's clean recognitions: per rule (off, differs, any) and grammar (with and without the deletion alternative).
    /// </summary>
    void RivalTrade(StringBuilder md, BlobScores scores)
    {
        var (cmd, ood) = CleanRuns();
        if (cmd.Count == 0 || scores.Rival.Count == 0) return;
        var all = cmd.Concat(ood).ToList();
        foreach (RivalVariant variant in scores.Rival.Keys)
        {
            var outcomes = scores.Rival[variant];
            md.AppendLine($"Rival grammars ({variant}): {outcomes.Count} of {all.Count} clean recognitions decoded again "
                + $"({cmd.Count(outcomes.ContainsKey)} commands, {ood.Count(outcomes.ContainsKey)} out of domain); the grammar sentence drives lights another way for "
                + $"{cmd.Count(r => outcomes.GetValueOrDefault(r) == RivalGrammar.Outcome.Differs)} commands and {ood.Count(r => outcomes.GetValueOrDefault(r) == RivalGrammar.Outcome.Differs)} OOD, "
                + $"drives nothing for {cmd.Count(r => outcomes.GetValueOrDefault(r) == RivalGrammar.Outcome.DrivesNothing)} and {ood.Count(r => outcomes.GetValueOrDefault(r) == RivalGrammar.Outcome.DrivesNothing)}; "
                + $"no path: {outcomes.Count(kv => kv.Value == RivalGrammar.Outcome.Agrees && _rivals[variant][kv.Key].Length == 0)}.");
        }
        md.AppendLine($"(All rival decodes, {scores.Rival.Count} grammar variants: {_rivalSeconds:F0} s wall with {_options.Parallel} recogniser process(es).)");
        md.AppendLine();
        md.AppendLine("| rival rule | grammar | hearing check | action floor | intent acc. | slot EM | confident wrong actions | of them not made on typed text | refused (all rules) | of the refused, decided right without them | OOD switching nothing |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (RivalRule rule in new[] { RivalRule.Off, RivalRule.Differs, RivalRule.Any })
            foreach (RivalVariant variant in rule == RivalRule.Off ? [default] : scores.Rival.Keys.ToArray())
                foreach (double hearing in _options.HearingGrid)
                    foreach (double floor in _options.FloorGrid)
                        RivalRow(md, scores, cmd, ood, rule, variant, hearing, floor, null);
        md.AppendLine();
    }

    /// <summary>
    /// Every light only when heard surely (docs/voice.md §14, <see cref="EveryLightGuard"/>) with the hearing check, the
    /// action floor and the rival rule off or the benchmark's own, on the fitted LM's clean recognitions.
    /// </summary>
    void EveryLightTrade(StringBuilder md, BlobScores scores)
    {
        var (cmd, ood) = CleanRuns();
        if (cmd.Count == 0) return;
        int guarded = cmd.Concat(ood).Count(r => scores.Loose[r] is not null);
        md.AppendLine($"Every light only when heard surely (docs/voice.md §14): {guarded} clean recognitions drive every light without naming a light, an area "
            + $"or an every-light word ({cmd.Count(r => scores.Loose[r] is not null)} commands, {ood.Count(r => scores.Loose[r] is not null)} out of domain); "
            + $"the benchmark's threshold is {F(_options.EveryLight)}:");
        md.AppendLine();
        md.AppendLine("| rival rule | grammar | hearing check | action floor | every light | intent acc. | slot EM | confident wrong actions | of them not made on typed text | refused (all rules) | of the refused, decided right without them | OOD switching nothing |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (RivalRule rule in new[] { RivalRule.Off, RivalRule.Differs, _options.Rival }.Distinct())
            foreach (double hearing in _options.HearingGrid)
                foreach (double floor in _options.FloorGrid)
                    foreach (double everyLight in _options.EveryLightGrid)
                        RivalRow(md, scores, cmd, ood, rule, rule == RivalRule.Off ? default : _options.RivalVariants[0], hearing, floor, everyLight);
        md.AppendLine();
    }

    /// <summary>One row of the rival or every-light table (<paramref name="everyLight"/> null: the rival table, without that column).</summary>
    void RivalRow(StringBuilder md, BlobScores scores, List<Recognised> cmd, List<Recognised> ood, RivalRule rule, RivalVariant variant, double hearing, double floor,
        double? everyLight)
    {
        var at = cmd.Concat(ood).ToDictionary(r => r, r => scores.At(r, hearing, 0, _options.ConsensusScale, floor, rule, variant, everyLight ?? 0));
        int wrong = cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence));
        var refused = cmd.Where(r => at[r].Unsure).ToList();
        md.AppendLine($"| {rule.ToString().ToLowerInvariant()} | {(rule == RivalRule.Off ? "–" : variant.ToString())} | {F(hearing)} | {F(floor)} "
            + (everyLight is { } e ? $"| {F(e)} " : "")
            + $"| {P(cmd.Count(r => at[r].IntentRight), cmd.Count)} | {P(cmd.Count(r => at[r].IntentRight && at[r].SlotsRight), cmd.Count)} | {P(wrong, cmd.Count)} ({wrong}) "
            + $"| {cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence) && !scores.Typed[r.Utterance.Sentence].WrongAction(r.Utterance.Sentence))} "
            + $"| {P(refused.Count, cmd.Count)} ({refused.Count}) | {refused.Count(r => scores.Raw[r].IntentRight && scores.Raw[r].SlotsRight)} "
            + $"| {P(ood.Count(r => !at[r].Switched), ood.Count)} ({ood.Count(r => at[r].Switched)} switched) |");
    }

    (List<Recognised> Commands, List<Recognised> Ood) CleanRuns()
    {
        var clean = _runs.Where(r => r.Lm == "fitted" && r.Utterance.Snr is null && _options.Voices.Contains(r.Utterance.Voice)).ToList();
        return (clean.Where(r => r.Utterance.Sentence.IsCommand).ToList(), clean.Where(r => !r.Utterance.Sentence.IsCommand).ToList());
    }

    static void RuleHeader(StringBuilder md)
    {
        md.AppendLine("| hearing check | agreement ≥ | scale | action floor | intent acc. | slot EM | confident wrong actions | of them not made on typed text | refused (all rules) | of the refused, decided right without them | OOD switching nothing |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
    }

    static void RuleRow(StringBuilder md, BlobScores scores, List<Recognised> cmd, List<Recognised> ood, double hearing, double consensus, double scale, double floor)
    {
        var at = cmd.Concat(ood).ToDictionary(r => r, r => scores.At(r, hearing, consensus, scale, floor));
        int wrong = cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence));
        var refused = cmd.Where(r => at[r].Unsure).ToList();
        md.AppendLine($"| {F(hearing)} | {F(consensus)} | {F(scale)} | {F(floor)} | {P(cmd.Count(r => at[r].IntentRight), cmd.Count)} "
            + $"| {P(cmd.Count(r => at[r].IntentRight && at[r].SlotsRight), cmd.Count)} | {P(wrong, cmd.Count)} ({wrong}) "
            + $"| {cmd.Count(r => at[r].WrongAction(r.Utterance.Sentence) && !scores.Typed[r.Utterance.Sentence].WrongAction(r.Utterance.Sentence))} "
            + $"| {P(refused.Count, cmd.Count)} ({refused.Count}) | {refused.Count(r => scores.Raw[r].IntentRight && scores.Raw[r].SlotsRight)} "
            + $"| {P(ood.Count(r => !at[r].Switched), ood.Count)} ({ood.Count(r => at[r].Switched)} switched) |");
    }

    static string F(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString(CultureInfo.InvariantCulture);

    /// <summary>Intent accuracy and OOD switching nothing per condition, fitted vs general LM, for the first blob.</summary>
    public byte[] Png()
    {
        var spoken = _blobs[0].Spoken;
        var groups = Groups().Where(g => !g.Name.StartsWith("**", StringComparison.Ordinal)).ToList();
        var plot = new Plot();
        for (int i = 0; i < groups.Count; i++)
        {
            var cmd = groups[i].Runs.Where(r => r.Utterance.Sentence.IsCommand).ToList();
            var ood = groups[i].Runs.Where(r => !r.Utterance.Sentence.IsCommand).ToList();
            double acc = cmd.Count == 0 ? 0 : 100.0 * cmd.Count(r => spoken[r].IntentRight) / cmd.Count;
            double safe = ood.Count == 0 ? 0 : 100.0 * ood.Count(r => !spoken[r].Switched) / ood.Count;
            var a = plot.Add.Bar(new Bar { Position = 3 * i, Value = acc, FillColor = Colors.C0 });
            var b = plot.Add.Bar(new Bar { Position = 3 * i + 1, Value = safe, FillColor = Colors.C1 });
        }
        plot.Axes.Bottom.SetTicks(groups.Select((_, i) => 3.0 * i + 0.5).ToArray(), groups.Select(g => g.Name.Replace(", ", "\n")).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 0;
        plot.Axes.Bottom.MinimumSize = 60;
        var line = plot.Add.HorizontalLine(85, 1, Colors.C0, LinePattern.Dashed);
        line.LegendText = "bar: intent accuracy 85%";
        var line2 = plot.Add.HorizontalLine(95, 1, Colors.C1, LinePattern.Dashed);
        line2.LegendText = "bar: OOD switching nothing 95%";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "intent accuracy, spoken commands (%)", FillColor = Colors.C0 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "out-of-domain speech switching nothing (%)", FillColor = Colors.C1 });
        plot.Legend.Alignment = ScottPlot.Alignment.LowerLeft;
        plot.Axes.SetLimitsY(0, 105);
        plot.Title("Spoken commands: synthesised voices → pocketsphinx → SAFFU blob");
        return plot.GetImageBytes(Math.Max(900, 110 * groups.Count), 600, ImageFormat.Png);
    }

    static string P(int part, int total) => total == 0 ? "–" : (100.0 * part / total).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
