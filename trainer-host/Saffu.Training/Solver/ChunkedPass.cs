namespace Saffu.Training.Solver;

/// <summary>
/// One streaming pass over the utterances on all cores with a fixed reduction order: the
/// utterances are cut into chunks by count alone (never by thread count), each chunk fills its own
/// partial statistics in utterance order, and the partials are added in chunk order. So the sums
/// are bit-identical from run to run and machine to machine of the same architecture.
/// </summary>
public static class ChunkedPass
{
    /// <summary>Utterances per chunk. Fixed: changing it changes the rounding of F.</summary>
    public const int ChunkSize = 1024;

    /// <summary>Most chunks run at once before their partials are added (in chunk order) and reused.</summary>
    public const int WaveChunks = 8;

    /// <summary>
    /// Runs count(partials, state, utterance) for every utterance and returns the summed statistics.
    /// newState makes one per-chunk scratch object (e.g. a model state).
    /// </summary>
    public static LayerStatistics[] Run<TScratch>(int utterances, LayerStatistics[] shape, Func<TScratch> newState,
        Action<LayerStatistics[], TScratch, int> count, IProgress<long>? progress = null)
    {
        int chunks = Math.Max(1, (utterances + ChunkSize - 1) / ChunkSize);
        var total = shape.Select(s => s.EmptyLike()).ToArray();
        long done = 0;
        // A wave is as many chunks as there are cores (at most WaveChunks): its partials are added in chunk order, cleared
        // and handed to the next wave's chunks, so a pass allocates one partial set per core instead of one per chunk
        // (each U partial is b × b′ doubles, 1 MB for HWU64: large-object-heap garbage). Neither changes the order of the sums.
        int waveSize = Math.Clamp(Environment.ProcessorCount, 1, WaveChunks);
        var free = new System.Collections.Concurrent.ConcurrentBag<LayerStatistics[]>();
        for (int wave = 0; wave < chunks; wave += waveSize)
        {
            int inWave = Math.Min(waveSize, chunks - wave);
            var partials = new LayerStatistics[inWave][];
            Parallel.For(0, inWave, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                int chunk = wave + k;
                var mine = free.TryTake(out var reused) ? reused : shape.Select(s => s.EmptyLike()).ToArray();
                TScratch state = newState();
                int end = Math.Min(utterances, (chunk + 1) * ChunkSize);
                for (int u = chunk * ChunkSize; u < end; u++) count(mine, state, u);
                partials[k] = mine;
                progress?.Report(Interlocked.Add(ref done, end - chunk * ChunkSize));
            });
            foreach (var partial in partials)
            {
                for (int i = 0; i < total.Length; i++)
                {
                    total[i].Add(partial[i]);
                    partial[i].Clear();
                }
                free.Add(partial);
            }
        }
        return total;
    }
}
