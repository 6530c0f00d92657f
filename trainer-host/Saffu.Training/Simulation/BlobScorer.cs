using System.Collections.Concurrent;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;
using Saffu.Training.Evaluation;
using Saffu.Training.Model;

namespace Saffu.Training.Simulation;

/// <summary>
/// A loaded blob as the evaluator sees a model: the device runtime's intent logits after every word
/// (Q16 / 65536), temperature 1 (the exporter divided the calibration temperature into O), the
/// blob's reject threshold (Q15 / 32768) and none class, and the slots its tag head reads, in
/// canonical form (<see cref="CanonicalSlots"/>). Each call runs on its own session (the evaluator
/// scores on several threads); sessions are made once and reused.
/// </summary>
public sealed class BlobScorer : IIntentScorer, ISlotPredictor
{
    private readonly SaffuModel _model;
    private readonly ConcurrentBag<Session> _sessions = [];
    private readonly string[] _intents;

    public BlobScorer(SaffuModel model)
    {
        _model = model;
        _intents = Enumerable.Range(0, model.Intents.Count).Select(model.Intents.Name).ToArray();
    }

    public SaffuModel Model => _model;
    public IReadOnlyList<string> Intents => _intents;
    public int NoneIntent => _model.Config.NoneIntent == BlobFormat.NoId ? -1 : _model.Config.NoneIntent;
    public double Temperature => 1;
    public double RejectThreshold => _model.Config.RejectThreshold / 32768.0;

    public float[][] PrefixLogits(string text) => WithSession(session =>
    {
        session.Reset();
        TokenBuffer tokens = session.State.Tokens;
        _model.Vocabulary.Tokenize(text, tokens);
        var rows = new List<float[]>(tokens.Count + 1);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (session.Push(_model.Vocabulary.Find(tokens, i, _model.Config.OovId), tokens.Values[i]) != PushResult.Ok) break;
            rows.Add(Logits(session));
        }
        if (rows.Count == 0) rows.Add(session.Position > 0 ? Logits(session) : new float[_intents.Length]);
        return rows.ToArray();
    });

    /// <summary>The session's anchor rule read from the tokens alone (no scoring run): the words it would push.</summary>
    public bool IsAnchored(string text) => !_model.HasAnchors || WithSession(session =>
    {
        TokenBuffer tokens = session.State.Tokens;
        _model.Vocabulary.Tokenize(text, tokens);
        for (int i = 0; i < tokens.Count; i++)
            if (_model.IsAnchor(_model.Vocabulary.Find(tokens, i, _model.Config.OovId))) return true;
        return false;
    });

    public IReadOnlyDictionary<string, string> PredictSlots(string text) => WithSession(session =>
    {
        session.RunLine(text);
        return CanonicalSlots.AsDictionary(CanonicalSlots.Read(session, _model.Actions, planned: false));
    });

    /// <summary>The intent logits of the session's last position, Q16 as reals.</summary>
    public static float[] Logits(Session session)
    {
        int[] q = session.State.Logits;
        var row = new float[q.Length];
        for (int i = 0; i < q.Length; i++) row[i] = q[i] / 65536f;
        return row;
    }

    private T WithSession<T>(Func<Session, T> use)
    {
        if (!_sessions.TryTake(out Session? session)) session = _model.NewSession();
        try
        {
            return use(session);
        }
        finally
        {
            _sessions.Add(session);
        }
    }
}
