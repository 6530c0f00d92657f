#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Structured intent head O on HWU64 (issue 14, item 4): trains `saffu train`'s defaults (Trainer.Train, fine-tuned), then
// replaces O ((parts · b′) × I) by a structured form and scores HWU64 valid and slurp-dev: the nearest rank-r O (rows
// centred, truncated SVD: Solver/LowRank), O kept only inside the blocks of one HWU64 scenario (the label's part before
// '_': a block-diagonal O per context part, b′ = I), and O's diagonal alone (each row's other entries replaced by their mean). Never reads HWU64 test.
//
// The same structures for every context U (b × b′, a row per word code): each row kept only in the columns of its strongest
// scenario (block-diagonal after grouping words by scenario), or only its k largest entries (row-sparse), the rest of the
// row replaced by its mean.
//
//   DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release tools/hwu64-study/structured-o.cs -- [ranks=48,32,16,8] [topk=4,8,16]
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Solver;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var kv = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
int[] ranks = (kv.GetValueOrDefault("ranks") ?? "48,32,16,8").Split(',').Select(int.Parse).ToArray();
int[] topK = (kv.GetValueOrDefault("topk") ?? "4,8,16").Split(',').Select(int.Parse).ToArray();
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var slurp = DatasetReader.Read(Path.Combine(root, "slurp-dev"), known).Utterances;
var r = Trainer.Train(train, valid, new TrainOptions());
var m = r.Model;
var c = m.Config;
var vs = EncodedCorpus.Encode(valid, m.Vocabulary, m.Intents, null, out _);
var ss = EncodedCorpus.Encode(slurp, m.Vocabulary, m.Intents, null, out _);
int rows = c.Parts * c.LabelDim, cols = c.IntentCount;
float[] dense = m.Weights.O;
Console.WriteLine($"O: {rows} x {cols} = {dense.Length} numbers (parts {c.Parts}, b' {c.LabelDim}, intents {cols})");
void Score(string name, float[] o, long numbers)
{
    m.Weights.O = o;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-34} numbers {numbers,6}  valid {HeldOutAccuracy.Of(m, vs) * 100:F2}  slurp {HeldOutAccuracy.Of(m, ss) * 100:F2}"));
    m.Weights.O = dense;
}
Score("dense", dense, dense.Length);
foreach (int rank in ranks) Score($"rank {rank}", LowRank.Truncate(dense, rows, cols, rank), (long)rank * (rows + cols));
string Scenario(int i) => m.Intents[i].Split('_')[0];
if (c.LabelDim == cols)
{
    // A dropped entry is not 0 but its row's mean over the dropped entries (one number per row): O feeds a softmax, and
    // log-domain weights have no neutral 0.
    float[] Keep(Func<int, int, bool> kept, out long numbers)
    {
        var o = new float[dense.Length];
        numbers = rows;
        for (int row = 0; row < rows; row++)
        {
            int j = row % c.LabelDim;
            double sum = 0;
            int n = 0;
            for (int i = 0; i < cols; i++) if (!kept(j, i)) { sum += dense[row * cols + i]; n++; }
            for (int i = 0; i < cols; i++) o[row * cols + i] = kept(j, i) ? dense[row * cols + i] : (float)(sum / Math.Max(1, n));
            numbers += cols - n;
        }
        return o;
    }
    var block = Keep((j, i) => Scenario(j) == Scenario(i), out long blockNumbers);
    Score($"block-diagonal by scenario ({m.Intents.Select((_, i) => Scenario(i)).Distinct().Count()})", block, blockNumbers);
    var diagonal = Keep((j, i) => j == i, out long diagonalNumbers);
    Score("diagonal", diagonal, diagonalNumbers);
}

// Every context U with each row kept in the columns chosen by keep(row's entries) and the rest replaced by the row's mean.
long uNumbers = 0;
foreach (var u in new[] { m.Weights.BlockU, m.Weights.RadialU, m.Weights.DocumentU }) if (u is not null) uNumbers += u.Length;
float[]?[] denseU = [m.Weights.BlockU, m.Weights.RadialU, m.Weights.DocumentU];
void ScoreU(string name, Func<float[], int, bool[]> keep)
{
    long numbers = 0;
    float[]? Structured(float[]? u)
    {
        if (u is null) return null;
        var o = new float[u.Length];
        int l = c.LabelDim;
        for (int row = 0; row < u.Length / l; row++)
        {
            bool[] kept = keep(u, row * l);
            double sum = 0;
            int n = 0;
            for (int j = 0; j < l; j++) if (!kept[j]) { sum += u[row * l + j]; n++; }
            for (int j = 0; j < l; j++) o[row * l + j] = kept[j] ? u[row * l + j] : (float)(sum / Math.Max(1, n));
            numbers += l - n + 1;
        }
        return o;
    }
    m.Weights.BlockU = Structured(denseU[0]);
    m.Weights.RadialU = Structured(denseU[1]);
    m.Weights.DocumentU = Structured(denseU[2]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"U {name,-32} numbers {numbers,7} of {uNumbers}  valid {HeldOutAccuracy.Of(m, vs) * 100:F2}  slurp {HeldOutAccuracy.Of(m, ss) * 100:F2}"));
    (m.Weights.BlockU, m.Weights.RadialU, m.Weights.DocumentU) = (denseU[0], denseU[1], denseU[2]);
}
if (c.LabelDim == cols)
    ScoreU("block by strongest scenario", (u, at) =>
    {
        // The scenario whose columns hold the row's largest entry.
        int best = 0;
        for (int j = 1; j < cols; j++) if (u[at + j] > u[at + best]) best = j;
        return Enumerable.Range(0, cols).Select(j => Scenario(j) == Scenario(best)).ToArray();
    });
foreach (int k in topK)
    ScoreU($"top {k} per row", (u, at) =>
    {
        var order = Enumerable.Range(0, c.LabelDim).OrderByDescending(j => u[at + j]).Take(k).ToHashSet();
        return Enumerable.Range(0, c.LabelDim).Select(order.Contains).ToArray();
    });
