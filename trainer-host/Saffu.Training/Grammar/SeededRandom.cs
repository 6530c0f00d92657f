namespace Saffu.Training.Grammar;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): the same numbers on every machine and .NET version.</summary>
public sealed class SeededRandom(ulong seed)
{
    ulong state = seed;

    public static SeededRandom For(int seed, int stream) => new(Mix((ulong)(uint)seed << 32 | (uint)stream));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Uniform in 0..n-1 (n ≥ 1), by Lemire's multiply-shift.</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>A uniformly shuffled 0..n-1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        int[] p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
