using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests.Host
{
    /// <summary>
    /// The fixed-point runtime against the float forward pass of docs/saffu-model.md §2, computed in
    /// double from the dequantized tensors (T = q · m · 2^−e). Catches misreadings of the
    /// quantization format before the trainer's exporter exists.
    /// </summary>
    [TestClass]
    public class FloatReferenceTests
    {
        /// <summary>Largest |y_fixed − 2^15 · y_double| allowed, Q15 units (measured worst 1.98 over 1544 positions).</summary>
        public const int MaxIntentErrorQ15 = 4;

        [TestMethod]
        public void FixedPointAgreesWithDouble()
        {
            Compare(false);
        }

        /// <summary>
        /// The same with a WordVectors section (docs/model-blob.md §17; 8-bit weights for odd seeds, 16 for even): both
        /// sides read the stored vectors (the reference dequantized: x_w[bit] = q · 2^−Qw) in every projection and comparison.
        /// </summary>
        [TestMethod]
        public void FixedPointAgreesWithDoubleWithWordVectors()
        {
            Compare(true);
        }

        static void Compare(bool withVectors)
        {
            double worst = 0;
            int compared = 0, sameTop = 0, nearTies = 0;
            for (int seed = 1; seed <= 24; seed++)
            {
                TestShape shape = new TestShape();
                shape.BlockSize = 2 + seed % 5;
                shape.RadialSize = 1 + seed % 4;
                shape.TagOffsets = 1 + seed % 3;
                shape.Sod = seed % 2 == 0;
                shape.TensorBits = seed % 3 == 0 ? 8 : 16;
                shape.PerColumn = seed % 4 != 0;
                shape.Bits = 8 + seed;
                shape.MaxWords = 16;
                TestModelSpec spec = TestModels.Random(shape, (ulong)(500 + seed));
                if (withVectors) spec.WordVectors = TestWordVectors.Random(shape.Vocab, shape.Bits, 1 + seed % 6, seed % 2 == 0 ? 16 : 8, new TestRandom((ulong)(900 + seed)));
                LoadResult loaded = ModelBlob.Load(TestBlobWriter.Write(spec));
                Assert.AreEqual(BlobError.None, loaded.Error, loaded.Message);
                SaffuModel model = loaded.Model!;
                FloatModel reference = new FloatModel(spec) { Vectors = model.Vectors };
                Random random = new Random(seed);
                for (int utterance = 0; utterance < 8; utterance++)
                {
                    Session session = model.Session;
                    session.Reset();
                    int length = 1 + random.Next(shape.MaxWords - 1);
                    for (int i = 0; i < length; i++)
                    {
                        session.Push(random.Next(shape.Vocab), -1);
                        double[] y = reference.Forward(session.State.WordIds, session.Position);
                        int top = 0;
                        for (int k = 0; k < y.Length; k++)
                        {
                            worst = Math.Max(worst, Math.Abs(session.Decision.Score(k) - 32768 * y[k]));
                            if (y[k] > y[top]) top = k;
                        }
                        compared++;
                        if (top == session.Decision.TopIntent) sameTop++;
                        else if (Gap(y, top) * 32768 <= 2 * MaxIntentErrorQ15) nearTies++;
                    }
                }
            }
            Console.WriteLine("positions " + compared + ", worst |y error| " + worst.ToString("F2") + " Q15, same top " + sameTop + ", near ties " + nearTies);
            Assert.IsTrue(worst <= MaxIntentErrorQ15, "worst error " + worst + " Q15");
            Assert.AreEqual(compared, sameTop + nearTies, "top intent differs outside a near tie");
        }

        static double Gap(double[] y, int top)
        {
            double second = double.NegativeInfinity;
            for (int k = 0; k < y.Length; k++) if (k != top && y[k] > second) second = y[k];
            return y[top] - second;
        }
    }

    /// <summary>docs/saffu-model.md §2 in double, from a TestModelSpec's integer tensors.</summary>
    public sealed class FloatModel
    {
        readonly TestModelSpec m;
        readonly double[,]? blockW, blockU, radialW, radialU, documentU, o;
        /// <summary>The blob's stored word vectors, or null for bit-cipher codes.</summary>
        public WordVectors? Vectors { get; init; }

        public FloatModel(TestModelSpec spec)
        {
            m = spec;
            blockW = Real(spec.BlockW);
            blockU = Real(spec.BlockU);
            radialW = Real(spec.RadialW);
            radialU = Real(spec.RadialU);
            documentU = Real(spec.DocumentU);
            o = Real(spec.O);
        }

        static double[,]? Real(TestTensor? t)
        {
            if (t == null) return null;
            double[,] r = new double[t.Rows, t.Cols];
            for (int i = 0; i < t.Rows; i++)
                for (int j = 0; j < t.Cols; j++) r[i, j] = t.Q[i * t.Cols + j] * (double)t.Mantissa(j) * Math.Pow(2, -t.Exponent(j));
            return r;
        }

        /// <summary>y at position t (ids[0] = position 1).</summary>
        public double[] Forward(int[] ids, int t)
        {
            int l = m.LabelDim;
            double[] h = new double[m.Parts * l];
            int part = 0;
            if (m.Block)
            {
                int p0 = ((t - 1) / m.BlockSize) * m.BlockSize + 1, n = t - p0 + 1;
                int[] positions = new int[n];
                for (int i = 0; i < n; i++) positions[i] = p0 + i;
                Context(blockW!, blockU!, ids, t, positions, h, part++ * l);
            }
            if (m.Radial)
            {
                int n = Math.Min(t, m.RadialSize);
                int[] positions = new int[n];
                for (int i = 0; i < n; i++) positions[i] = t - i;
                Context(radialW!, radialU!, ids, t, positions, h, part++ * l);
            }
            if (m.Document)
            {
                double[] g = new double[l];
                for (int p = 1; p <= t; p++) Add(g, Project(documentU!, ids[p - 1]), 1);
                Array.Copy(Softmax(g), 0, h, part * l, l);
            }
            double[] logits = new double[m.Intents.Length];
            for (int k = 0; k < logits.Length; k++)
                for (int i = 0; i < h.Length; i++) logits[k] += h[i] * o![i, k];
            return Softmax(logits);
        }

        void Context(double[,] w, double[,] u, int[] ids, int t, int[] positions, double[] h, int offset)
        {
            int n = positions.Length;
            double[] c = new double[n], z = new double[n], g = new double[m.LabelDim];
            for (int i = 0; i < n; i++) c[i] = Compare(ids[positions[i] - 1], ids[t - 1]);
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) z[j] += c[i] * w[i, j];
            double[] a = Softmax(z);
            for (int i = 0; i < n; i++) Add(g, Project(u, ids[positions[i] - 1]), a[i]);
            Array.Copy(Softmax(g), 0, h, offset, m.LabelDim);
        }

        double Compare(int a, int b)
        {
            if (Vectors != null)
            {
                double dot = 0;
                for (int i = Vectors.First(a); i < Vectors.End(a); i++)
                    for (int j = Vectors.First(b); j < Vectors.End(b); j++)
                        if (Vectors.Bit(i) == Vectors.Bit(j)) dot += Real(Vectors, i) * Real(Vectors, j);
                return dot;
            }
            short[] x = new short[m.Bits], y = new short[m.Bits];
            int kx = BitCipher.Unrank(a, m.Bits, x), ky = BitCipher.Unrank(b, m.Bits, y);
            return BitCipher.Intersect(x, 0, kx, y, 0, ky) / (double)(kx * ky);
        }

        /// <summary>x_w · U = (1/k) Σ_{i∈S_w} U[i, :].</summary>
        double[] Project(double[,] u, int id)
        {
            if (Vectors != null)
            {
                double[] v = new double[u.GetLength(1)];
                for (int e = Vectors.First(id); e < Vectors.End(id); e++)
                    for (int j = 0; j < v.Length; j++) v[j] += Real(Vectors, e) * u[Vectors.Bit(e), j];
                return v;
            }
            short[] bits = new short[m.Bits];
            int k = BitCipher.Unrank(id, m.Bits, bits);
            double[] p = new double[u.GetLength(1)];
            for (int i = 0; i < k; i++)
                for (int j = 0; j < p.Length; j++) p[j] += u[bits[i], j] / k;
            return p;
        }

        static double Real(WordVectors x, int e) => x.Weight(e) * Math.Pow(2, -x.WeightShift);

        static void Add(double[] sum, double[] x, double weight)
        {
            for (int j = 0; j < sum.Length; j++) sum[j] += weight * x[j];
        }

        static double[] Softmax(double[] x)
        {
            double max = double.NegativeInfinity, total = 0;
            foreach (double v in x) max = Math.Max(max, v);
            double[] y = new double[x.Length];
            for (int i = 0; i < x.Length; i++) { y[i] = Math.Exp(x[i] - max); total += y[i]; }
            for (int i = 0; i < x.Length; i++) y[i] /= total;
            return y;
        }
    }
}
