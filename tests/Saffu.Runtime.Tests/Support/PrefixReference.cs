using Saffu.Runtime.Arithmetic;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// The fixed-point forward pass of docs/saffu-model.md §2/§4 at one position, computed from the
    /// ids alone: no rings, no cached projections, no running sums. Uses the runtime's integer
    /// primitives (FixedMath, Tensor.MatVecQ16, BitCipher) so that streaming must match it bit for bit.
    /// </summary>
    public sealed class PrefixReference
    {
        readonly ModelConfig c;
        readonly ModelWeights w;

        public PrefixReference(SaffuModel model)
        {
            c = model.Config;
            w = model.Weights;
        }

        /// <summary>y (Q15) at position t of ids (ids[0] is position 1); returns the tag of t (−1 without a tag head).</summary>
        public int Forward(int[] ids, int t, int[] y)
        {
            int l = c.LabelDim;
            int[] h = new int[c.Parts * l];
            int part = 0;
            if (c.HasBlock)
            {
                int p0 = ((t - 1) / c.BlockSize) * c.BlockSize + 1;
                Attend(w.BlockW!, w.BlockU!, ids, t, t - p0 + 1, p0, 1, h, part++ * l);
            }
            if (c.HasRadial) Attend(w.RadialW!, w.RadialU!, ids, t, t < c.RadialSize ? t : c.RadialSize, t, -1, h, part++ * l);
            if (c.HasDocument)
            {
                int[] g = new int[l];
                for (int p = 1; p <= t; p++)
                {
                    int[] projection = Project(w.DocumentU!, ids[p - 1]);
                    for (int j = 0; j < l; j++) g[j] = FixedMath.Saturate((long)g[j] + projection[j]);
                }
                FixedMath.Softmax(w.Tables!, g, 0, l, h, part * l);
            }
            int[] logits = new int[c.IntentCount];
            for (int k = 0; k < c.IntentCount; k++) logits[k] = w.O!.MatVecQ16(h, 0, h.Length, 15, k);
            FixedMath.Softmax(w.Tables!, logits, 0, c.IntentCount, y, 0);
            return c.HasTagHead ? Tag(ids, t, h) : -1;
        }

        /// <summary>Positions first, first + step, ... (n of them) against the pivot t; s into h.</summary>
        void Attend(Tensor weights, Tensor u, int[] ids, int t, int n, int first, int step, int[] h, int offset)
        {
            int l = c.LabelDim;
            int[] comparisons = new int[n], z = new int[n], a = new int[n], g = new int[l];
            for (int i = 0; i < n; i++) comparisons[i] = Comparison(ids[first + i * step - 1], ids[t - 1]);
            for (int j = 0; j < n; j++) z[j] = weights.MatVecQ16(comparisons, 0, n, 15, j);
            FixedMath.Softmax(w.Tables!, z, 0, n, a, 0);
            long[] sums = new long[l];
            for (int i = 0; i < n; i++)
            {
                int[] projection = Project(u, ids[first + i * step - 1]);
                for (int j = 0; j < l; j++) sums[j] += (long)a[i] * projection[j];
            }
            for (int j = 0; j < l; j++) g[j] = FixedMath.Saturate(FixedMath.RoundShift(sums[j], 15));
            FixedMath.Softmax(w.Tables!, g, 0, l, h, offset);
        }

        int Comparison(int a, int b)
        {
            short[] x = new short[c.MaxPopcount], y = new short[c.MaxPopcount];
            int kx = BitCipher.Unrank(a, c.Bits, x), ky = BitCipher.Unrank(b, c.Bits, y);
            return (int)FixedMath.RoundDiv((long)BitCipher.Intersect(x, 0, kx, y, 0, ky) << 15, kx * ky);
        }

        /// <summary>P = x_w · U in Q16, straight from the formula of §4 step 1.</summary>
        int[] Project(Tensor u, int id)
        {
            short[] bits = new short[c.MaxPopcount];
            int k = BitCipher.Unrank(id, c.Bits, bits);
            int[] p = new int[u.Cols];
            for (int j = 0; j < u.Cols; j++)
            {
                long sum = 0;
                for (int i = 0; i < k; i++) sum += u.Q(bits[i], j);
                p[j] = FixedMath.Saturate(FixedMath.RoundDiv(FixedMath.RoundShift(sum * u.Mantissa(j), u.Exponent(j) - 16), k));
            }
            return p;
        }

        int Tag(int[] ids, int t, int[] h)
        {
            int g = c.TagCount;
            int[] input = new int[c.TagInputs], scores = new int[g];
            for (int j = 0; j < c.TagOffsets; j++)
            {
                if (t - j >= 1) FixedMath.Softmax(w.Tables!, Project(w.TagU![j], ids[t - j - 1]), 0, g, input, j * g);
                else FixedMath.Softmax(w.Tables!, new int[g], 0, g, input, j * g);
            }
            if (c.TagIncludesIntentParts)
            {
                for (int k = 0; k < h.Length; k++) input[c.TagOffsets * g + k] = h[k];
            }
            int best = 0;
            for (int k = 0; k < g; k++)
            {
                scores[k] = w.TagO!.MatVecQ16(input, 0, input.Length, 15, k);
                if (scores[k] > scores[best]) best = k;
            }
            return best;
        }
    }
}
