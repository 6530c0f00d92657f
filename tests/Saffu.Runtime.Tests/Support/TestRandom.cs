namespace Saffu.Runtime.Tests
{
    /// <summary>Seeded xorshift64* generator: the same sequence on the host and on the device.</summary>
    public sealed class TestRandom
    {
        ulong state;

        public TestRandom(ulong seed)
        {
            state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        public ulong NextULong()
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DUL;
        }

        /// <summary>Uniform-ish in 0..max−1 (max ≥ 1).</summary>
        public int Next(int max)
        {
            return (int)((NextULong() >> 33) % (ulong)max);
        }

        /// <summary>Uniform-ish in lo..hi inclusive.</summary>
        public int Range(int lo, int hi)
        {
            return lo + (int)((NextULong() >> 1) % (ulong)((long)hi - lo + 1));
        }

        public bool Chance(int percent)
        {
            return Next(100) < percent;
        }
    }
}
