using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// A context U stored as the product A·B (docs/model-blob.md §14): A (b × R, one scale per column or per tensor) and B (R × b′,
    /// one scale), int8 or int16. A word's projection runs through the rank: t = x_w·A, then P = t·B. The loader checked the
    /// shapes, B's scale mode and every column's shift, so Project runs blind.
    /// </summary>
    public sealed class FactoredU
    {
        readonly Tensor a, b;
        readonly int f;        // F = B's bits − 1: the extra fraction bits of t

        internal FactoredU(Tensor a, Tensor b)
        {
            this.a = a;
            this.b = b;
            f = b.Bits - 1;
        }

        /// <summary>The shift of step 1 for column r of A, e_A,r + e_B − 16 − F (the loader checks it lies in 0..62).</summary>
        internal static int ShiftOf(Tensor a, Tensor b, int r)
        {
            return a.Exponent(r) + b.Exponent(0) - 16 - (b.Bits - 1);
        }

        public Tensor A { get { return a; } }
        public Tensor B { get { return b; } }
        /// <summary>R, the rank.</summary>
        public int Rank { get { return a.Cols; } }

        /// <summary>
        /// Step 1, T[r] = Saturate(RoundDiv(RoundShift(Σ_{i∈S} qA[i,r] · m_A,r·m_B, e_A,r + e_B − 16 − F), k)): t_r · s_B in Q(16 + F).
        /// Step 2, P[j] = Saturate(RoundShift(Σ_r T[r] · qB[r,j], F)): the projection in Q16, as the dense U gives it.
        /// </summary>
        public void Project(short[] bits, int bitsOffset, int k, int[] t, int[] output, int offset)
        {
            int rank = a.Cols, mB = b.Mantissa(0);
            for (int r = 0; r < rank; r++)
            {
                long sum = a.SumRows(bits, bitsOffset, k, r) * ((long)a.Mantissa(r) * mB);
                t[r] = FixedMath.Saturate(FixedMath.RoundDiv(FixedMath.RoundShift(sum, ShiftOf(a, b, r)), k));
            }
            for (int j = 0; j < b.Cols; j++)
            {
                output[offset + j] = FixedMath.Saturate(FixedMath.RoundShift(b.ColumnDot(t, 0, rank, j), f));
            }
        }
    }
}
