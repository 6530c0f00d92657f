using Saffu.Runtime.Arithmetic;
using Saffu.Runtime.Blob;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// A quantized tensor read in place from the blob (docs/model-blob.md, Tensor record):
    /// T[i,j] = q[i,j] · m_j · 2^−e_j, q int8 or int16 row-major, one scale or one per column.
    /// </summary>
    public sealed class Tensor
    {
        readonly byte[] data;
        readonly int scaleOffset;   // first (m u16, e u8, reserved u8) record
        readonly int dataOffset;    // q[0,0]
        readonly int elementBytes;  // 1 or 2
        readonly bool perColumn;

        internal Tensor(byte[] data, int rows, int cols, int bits, bool perColumn, int scaleOffset, int dataOffset)
        {
            this.data = data;
            Rows = rows;
            Cols = cols;
            elementBytes = bits / 8;
            this.perColumn = perColumn;
            this.scaleOffset = scaleOffset;
            this.dataOffset = dataOffset;
        }

        public int Rows { get; }
        public int Cols { get; }
        public int Bits { get { return elementBytes * 8; } }
        /// <summary>One scale per column (scaleMode 1) or one for the whole tensor.</summary>
        public bool PerColumn { get { return perColumn; } }

        /// <summary>q[i, j].</summary>
        public int Q(int i, int j)
        {
            int at = dataOffset + (i * Cols + j) * elementBytes;
            return elementBytes == 1 ? (sbyte)data[at] : LittleEndian.I16(data, at);
        }

        /// <summary>Scale mantissa m of column j, 1..65535.</summary>
        public int Mantissa(int j)
        {
            return LittleEndian.U16(data, scaleOffset + (perColumn ? 4 * j : 0));
        }

        /// <summary>Scale exponent e of column j, 0..62.</summary>
        public int Exponent(int j)
        {
            return data[scaleOffset + (perColumn ? 4 * j : 0) + 2];
        }

        /// <summary>
        /// Σ_{i&lt;n} u[uOffset+i] · q[i,col] (the leading n rows of one column), int64.
        /// The column's scale is applied by the caller (MatVecQ16, Project).
        /// </summary>
        public long ColumnDot(int[] u, int uOffset, int n, int col)
        {
            long sum = 0;
            int stride = Cols * elementBytes;
            int at = dataOffset + col * elementBytes;
            if (elementBytes == 1)
            {
                for (int i = 0; i < n; i++, at += stride) sum += (long)u[uOffset + i] * (sbyte)data[at];
            }
            else
            {
                for (int i = 0; i < n; i++, at += stride) sum += (long)u[uOffset + i] * (short)(data[at] | (data[at + 1] << 8));
            }
            return sum;
        }

        /// <summary>
        /// MatVecQ16(u, qIn, T, col) of docs/saffu-model.md §4 over the leading n rows:
        /// Saturate(RoundShift(Σ_i u_i · q[i,col] · m_col, e_col + qIn − 16)), the real dot product in Q16.
        /// </summary>
        public int MatVecQ16(int[] u, int uOffset, int n, int qIn, int col)
        {
            long sum = ColumnDot(u, uOffset, n, col) * Mantissa(col);
            return FixedMath.Saturate(FixedMath.RoundShift(sum, Exponent(col) + qIn - 16));
        }

        /// <summary>Σ_{i ∈ bits} q[i, col] over a bit list (a word's code): additions only.</summary>
        public long SumRows(short[] bits, int offset, int k, int col)
        {
            long sum = 0;
            for (int i = 0; i < k; i++) sum += Q(bits[offset + i], col);
            return sum;
        }
    }
}
