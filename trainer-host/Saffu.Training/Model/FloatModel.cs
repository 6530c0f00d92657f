using System.Numerics.Tensors;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Slots;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Model;

/// <summary>
/// The float reference SAFFU model: configuration, vocabulary, weights and decision settings, and
/// the forward pass of docs/saffu-model.md §2 in the same names and order as the firmware's Step,
/// and the slots its tag head reads (§3).
/// </summary>
public sealed class FloatModel : IIntentScorer, ISlotPredictor
{
    public FloatModel(SaffuConfig config, WordVocabulary vocabulary, IReadOnlyList<string> intents,
        IReadOnlyList<string> tagLabels, SaffuWeights weights)
    {
        config.Validate();
        if (intents.Count != config.IntentCount) throw new ArgumentException($"{intents.Count} intent names for {config.IntentCount} intents.");
        if (tagLabels.Count != config.TagCount) throw new ArgumentException($"{tagLabels.Count} tag labels for {config.TagCount} tags.");
        if (vocabulary.MaxWords != config.MaxWords || vocabulary.PrependSod != config.PrependSod)
            throw new ArgumentException("The vocabulary's maxWords / prependSod differ from the config's.");
        Config = config;
        Vocabulary = vocabulary;
        Codes = new WordCodes(vocabulary.Count, config.Bits, config.GrownFrom);
        Intents = intents.ToArray();
        TagLabels = tagLabels.ToArray();
        Weights = weights;
        NoneIntent = Intents.ToList().IndexOf(NoneIntentName);
    }

    /// <summary>The not-understood class's name (docs/model-blob.md §Intents).</summary>
    public const string NoneIntentName = "<none>";

    /// <summary>An intent named `other:DOMAIN` is another device's command (docs/grammar.md §1): never acted on, like none.</summary>
    public const string OtherIntentPrefix = "other:";

    /// <summary>Intents whose training utterances teach the tag head nothing: the none class and other devices' intents.</summary>
    public static bool IsUntagged(string? intent) =>
        intent == NoneIntentName || (intent is not null && intent.StartsWith(OtherIntentPrefix, StringComparison.Ordinal));

    public SaffuConfig Config { get; }
    public WordVocabulary Vocabulary { get; }
    public WordCodes Codes { get; }
    public IReadOnlyList<string> Intents { get; }
    /// <summary>`O`, `B-slot`, `I-slot`; empty without tag head.</summary>
    public IReadOnlyList<string> TagLabels { get; }
    public SaffuWeights Weights { get; set; }
    public int NoneIntent { get; }
    public double Temperature { get; set; } = 1.0;
    public double RejectThreshold { get; set; }

    /// <summary>
    /// Per text slot, the phrases the model's home gives a canonical value (a light's alias → its name, "dim" →
    /// `down`; docs/grammar.md §4), used by <see cref="PredictSlots"/>; a span whose words are not listed keeps
    /// its words. Empty unless the model was trained for a home (model folder `home.yaml`).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SlotValueNames { get; set; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>
    /// Vocabulary ids of the anchor words (docs/saffu-model.md §3): a text with none of them is not understood. Null: the
    /// model has no anchor rule (every text is anchored).
    /// </summary>
    public IReadOnlySet<int>? AnchorIds { get; set; }

    /// <summary>True when the model has no anchor rule or one of the text's words (not &lt;sod&gt;) is an anchor.</summary>
    public bool IsAnchored(EncodedText text)
    {
        if (AnchorIds is null) return true;
        for (int p = text.FirstWord; p < text.Length; p++) if (AnchorIds.Contains(text.Ids[p])) return true;
        return false;
    }

    public bool IsAnchored(string text) => IsAnchored(Vocabulary.Encode(text));

    public FloatRunState NewState() => new(Config);

    /// <summary>Pushes one id at position t = state.T + 1 and computes that position's outputs. False when maxWords are pushed.</summary>
    public bool Step(FloatRunState s, int id, bool intentLogits = true)
    {
        SaffuConfig c = Config;
        SaffuWeights w = Weights;
        if (s.T >= c.MaxWords) return false;
        int t = ++s.T, pos = t - 1, l = c.LabelDim;
        s.Ids[pos] = id;

        // 1. Codes: cache P_U[w_t] for every U; the document sum takes P_UD.
        if (c.Block) Project(id, w.BlockU!, s.PB.AsSpan(pos * l, l));
        if (c.Radial) Project(id, w.RadialU!, s.PR.AsSpan(pos * l, l));
        if (c.Document) Codes.AddProjection(id, w.DocumentU!, l, s.gD);
        for (int j = 0; j < c.TagOffsets; j++) Project(id, w.TagU[j], s.PT[j].AsSpan(pos * c.TagCount, c.TagCount), c.TagCount);

        int part = 0;
        // Block: p0 = ((t−1) div B)·B + 1; n = t − p0 + 1; local i = p − p0.
        if (c.Block)
        {
            s.p0B = (pos / c.BlockSize) * c.BlockSize;
            s.nB = t - s.p0B;
            for (int i = 0; i < s.nB; i++) s.cB[i] = Codes.Compare(s.Ids[s.p0B + i], id);
            Attend(s.cB, w.BlockW!, c.BlockSize, s.nB, s.zB, s.aB);
            Values(s.PB, s.aB, s.nB, s.p0B, +1, s.gB);
            Softmax.Into(s.gB, s.sB);
            s.sB.CopyTo(s.h, part++ * l);
        }
        // Radial: n = min(t, r); local 0 = the pivot w_t, 1 the word before, …
        if (c.Radial)
        {
            s.nR = Math.Min(t, c.RadialSize);
            for (int i = 0; i < s.nR; i++) s.cR[i] = Codes.Compare(s.Ids[pos - i], id);
            Attend(s.cR, w.RadialW!, c.RadialSize, s.nR, s.zR, s.aR);
            Values(s.PR, s.aR, s.nR, pos, -1, s.gR);
            Softmax.Into(s.gR, s.sR);
            s.sR.CopyTo(s.h, part++ * l);
        }
        // Document: s_D = softmax(g_D), g_D the running sum.
        if (c.Document)
        {
            Softmax.Into(s.gD, s.sD);
            s.sD.CopyTo(s.h, part * l);
        }
        // Intent head: logits = h · O (skipped when the caller reads only h: O's counting pass, all but the last word of Logits).
        if (intentLogits) MatVec(s.h, w.O, c.IntentCount, s.Logits);
        if (c.TagHead) TagStep(s, t);
        return true;
    }

    /// <summary>Tag head: q_j = softmax(P_UTj[w_{t−j}]) (uniform before the start), h_tag = [q; h?], scores = h_tag · O_tag.</summary>
    void TagStep(FloatRunState s, int t)
    {
        SaffuConfig c = Config;
        int g = c.TagCount;
        for (int j = 0; j < c.TagOffsets; j++)
        {
            Span<float> qj = s.q.AsSpan(j * g, g);
            if (t - j >= 1) Softmax.Into(s.PT[j].AsSpan((t - 1 - j) * g, g), qj);
            else qj.Fill(1f / g);
        }
        s.q.CopyTo(s.hTag, 0);
        if (c.TagIncludesIntentParts) s.h.CopyTo(s.hTag, s.q.Length);
        MatVec(s.hTag, Weights.TagO!, g, s.TagScores);
    }

    void Project(int id, float[] u, Span<float> p, int cols = -1)
    {
        int width = cols < 0 ? Config.LabelDim : cols;
        p.Clear();
        Codes.AddProjection(id, u, width, p);
    }

    /// <summary>z_j = Σ_i c_i · W[i, j] over the leading n × n block of W (stride size); a = softmax(z).</summary>
    public static void Attend(float[] cmp, float[] wMatrix, int size, int n, float[] z, float[] a)
    {
        Span<float> zn = z.AsSpan(0, n);
        zn.Clear();
        for (int i = 0; i < n; i++)
            if (cmp[i] != 0) TensorPrimitives.MultiplyAdd(wMatrix.AsSpan(i * size, n), cmp[i], zn, zn);
        Softmax.Into(zn, a.AsSpan(0, n));
    }

    /// <summary>g = Σ_i a_i · P[w at position first + step·i] (= v · U).</summary>
    static void Values(float[] p, float[] a, int n, int first, int step, float[] g)
    {
        int l = g.Length;
        Array.Clear(g);
        for (int i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(p.AsSpan((first + step * i) * l, l), a[i], g, g);
    }

    /// <summary>y = x · M for M (x.Length × cols), row-major.</summary>
    public static void MatVec(ReadOnlySpan<float> x, float[] m, int cols, Span<float> y)
    {
        y[..cols].Clear();
        for (int r = 0; r < x.Length; r++)
            if (x[r] != 0) TensorPrimitives.MultiplyAdd(m.AsSpan(r * cols, cols), x[r], y[..cols], y[..cols]);
    }

    /// <summary>Runs a whole encoded utterance; calls after(state) after every position.</summary>
    public void Run(FloatRunState s, EncodedText text, Action<FloatRunState>? after = null, bool intentLogits = true)
    {
        s.Reset();
        for (int p = 0; p < text.Length; p++)
        {
            if (!Step(s, text.Ids[p], intentLogits)) break;
            after?.Invoke(s);
        }
    }

    public float[][] PrefixLogits(string text) => PrefixLogits(Vocabulary.Encode(text));

    /// <summary>Logits after each word (a prepended &lt;sod&gt; is not reported); an empty text gives one row.</summary>
    public float[][] PrefixLogits(EncodedText text)
    {
        var state = NewState();
        var rows = new List<float[]>(text.WordCount + 1);
        Run(state, text, s => { if (s.T > text.FirstWord) rows.Add((float[])s.Logits.Clone()); });
        if (rows.Count == 0) rows.Add(text.FirstWord > 0 ? (float[])state.Logits.Clone() : new float[Config.IntentCount]);
        return rows.ToArray();
    }

    /// <summary>
    /// The whole utterance's logits: the last row of <see cref="PrefixLogits(EncodedText)"/>, the same bits, with h · O
    /// computed at the last position only (zeros for a text with no position).
    /// </summary>
    public float[] Logits(EncodedText text)
    {
        var state = NewState();
        return RunToEnd(state, text) ? (float[])state.Logits.Clone() : new float[Config.IntentCount];
    }

    /// <summary>
    /// Runs the whole text from a reset state, computing h · O at the last position only, so that
    /// <see cref="FloatRunState.Logits"/> then holds the utterance's logits (as <see cref="Run"/> leaves them). False when
    /// the text has no position (nothing is stepped).
    /// </summary>
    public bool RunToEnd(FloatRunState state, EncodedText text)
    {
        state.Reset();
        int last = Math.Min(text.Length, Config.MaxWords) - 1;
        for (int p = 0; p <= last; p++) Step(state, text.Ids[p], intentLogits: p == last);
        return last >= 0;
    }

    /// <summary>The tag id of every position (argmax of the tag scores, ties: lowest id; −1 at a prepended &lt;sod&gt;).</summary>
    public int[] PredictTags(EncodedText text)
    {
        var tags = new int[text.Length];
        Array.Fill(tags, -1);
        if (!Config.TagHead) return tags;
        Run(NewState(), text, s => { if (s.T > text.FirstWord) tags[s.T - 1] = Softmax.ArgMax(s.TagScores); });
        return tags;
    }

    /// <summary>
    /// Slots as the device reads and acts on them (docs/saffu-model.md §3: spans from the tags, a `brightness` span's
    /// number), text values mapped to canonical ones through <see cref="SlotValueNames"/>, and a `step` read together
    /// with a `brightness` dropped: an absolute value wins (docs/grammar.md §1, docs/action-map.md). No tag head: no slots.
    /// </summary>
    public IReadOnlyDictionary<string, string> PredictSlots(string text)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Config.TagHead) return slots;
        EncodedText encoded = Vocabulary.Encode(text);
        foreach (var (slot, said) in TagDecoder.Decode(TagLabels, encoded, PredictTags(encoded)))
            slots[slot] = SlotValueNames.TryGetValue(slot, out var names) && names.TryGetValue(said, out string? value) ? value : said;
        if (slots.ContainsKey(SlotNames.Brightness)) slots.Remove(SlotNames.Step);
        return slots;
    }
}
