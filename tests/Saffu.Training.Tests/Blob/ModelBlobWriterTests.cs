using System.Buffers.Binary;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Training.Blob;
using Saffu.Training.Quantization;

namespace Saffu.Training.Tests.Blob;

[TestClass]
public class ModelBlobWriterTests
{
    /// <summary>The runtime's golden model (tests/Saffu.Runtime.Tests/GoldenBlobTests.cs), written by the host writer.</summary>
    internal static BlobContents Golden(long created = 0) => new()
    {
        Vocabulary = ["<oov>", "on", "off", "<num>"],
        Bits = 3,
        PrependSod = false,
        OovId = 0,
        NumId = 3,
        LabelDim = 2,
        Intents = ["HassTurnOn", "HassTurnOff"],
        MaxWords = 8,
        DocumentU = new QuantizedTensor(3, 2, 8, false, [32768], [22], [0, 0, 64, -64, -64, 64]),
        IntentO = new QuantizedTensor(2, 2, 8, true, [40000, 50000], [20, 21], [100, -20, -30, 90]),
        Decision = new DecisionContents(-1, 19661, -1, 1, 65536),
        Identity = new IdentityContents(null, Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray(), created, "saffu-test 0"),
    };

    [TestMethod]
    public void GoldenModelHasTheGoldenLayout()
    {
        byte[] blob = ModelBlobWriter.Write(Golden());
        Assert.AreEqual(2500, blob.Length);
        // Section table as pinned by the runtime's golden test: kind, offset, length.
        (int Kind, int Offset, int Length)[] expected =
            [(1, 160, 24), (2, 184, 51), (3, 236, 28), (4, 264, 2064), (7, 2328, 20), (8, 2348, 20), (10, 2368, 12), (11, 2380, 120)];
        Assert.AreEqual(expected.Length, (int)BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(16)));
        for (int i = 0; i < expected.Length; i++)
        {
            var entry = blob.AsSpan(32 + 16 * i);
            Assert.AreEqual(expected[i], (BinaryPrimitives.ReadUInt16LittleEndian(entry), (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]), (int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..])));
        }
    }

    [TestMethod]
    [DataRow("on", 0, 29650, 3118)]
    [DataRow("off", 1, 7291, 25477)]
    [DataRow("on 5 blah", 0, 31073, 1695)]
    public void GoldenModelGivesTheGoldenIntents(string line, int top, int y0, int y1)
    {
        LoadResult loaded = ModelBlob.Load(ModelBlobWriter.Write(Golden()));
        if (!loaded.Ok) Assert.Fail(loaded.Message);
        Session session = loaded.Model!.Session;
        session.RunLine(line);
        Assert.AreEqual(top, session.Decision.TopIntent);
        Assert.AreEqual(y0, session.Decision.Score(0));
        Assert.AreEqual(y1, session.Decision.Score(1));
    }

    /// <summary>The golden model width-grown by one word (docs/model-blob.md §1 grownFrom): "aff" gets bit 3, U a zero row.</summary>
    static BlobContents GrownGolden() => Golden() with
    {
        Vocabulary = ["<oov>", "on", "off", "<num>", "aff"],
        Bits = 4,
        GrownFrom = 4,
        DocumentU = new QuantizedTensor(4, 2, 8, false, [32768], [22], [0, 0, 64, -64, -64, 64, 0, 0]),
    };

    [TestMethod]
    public void GrownConfigHasTheGoldenBytes()
    {
        byte[] blob = ModelBlobWriter.Write(GrownGolden());
        int config = (int)BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(32 + 4));
        // V 5, b 4, maxPopcount 2 (rank 3 over the 3 base bits), flags document | grownCodes, oov 0, sod none, num 3,
        // b' 2, I 2, B 0, r 0, maxWords 8, grownFrom 4.
        Assert.AreEqual("05-00-04-00-02-28-00-00-FF-FF-03-00-02-00-02-00-00-00-00-00-08-00-04-00",
            BitConverter.ToString(blob, config, 24));
        Assert.AreEqual("04-00-03-00-02-08-00-00-FF-FF-03-00-02-00-02-00-00-00-00-00-08-00-00-00",
            BitConverter.ToString(ModelBlobWriter.Write(Golden()), config, 24), "an ungrown blob keeps grownFrom 0");
    }

    [TestMethod]
    [DataRow("on", 0, 29650, 3118)]
    [DataRow("off", 1, 7291, 25477)]
    [DataRow("on 5 blah", 0, 31073, 1695)]
    public void GrownGoldenModelKeepsTheGoldenIntents(string line, int top, int y0, int y1)
    {
        LoadResult loaded = ModelBlob.Load(ModelBlobWriter.Write(GrownGolden()));
        if (!loaded.Ok) Assert.Fail(loaded.Message);
        Assert.AreEqual(4, loaded.Model!.Config.GrownFrom);
        Session session = loaded.Model.Session;
        session.RunLine(line);
        Assert.AreEqual(top, session.Decision.TopIntent);
        Assert.AreEqual(y0, session.Decision.Score(0));
        Assert.AreEqual(y1, session.Decision.Score(1));
    }

    [TestMethod]
    [DataRow(5, "grownFrom is 5")]
    [DataRow(1, "grownFrom is 1")]
    [DataRow(0, "flag grownCodes is set but grownFrom is 0")]
    public void BadGrownFromIsRefused(int grownFrom, string message)
    {
        // grownFrom 5 = V (no grown word); grownFrom 1 leaves b − 4 = 0 base bits; 0 with the flag set.
        byte[] blob = ModelBlobWriter.Write(GrownGolden());
        int config = (int)BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(32 + 4));
        BinaryPrimitives.WriteUInt16LittleEndian(blob.AsSpan(config + 22), (ushort)grownFrom);
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(BlobFormat.CrcOffset), Crc32.OfBlob(blob, blob.Length));
        LoadResult loaded = ModelBlob.Load(blob);
        Assert.AreEqual(BlobError.BadDimensions, loaded.Error);
        StringAssert.Contains(loaded.Message, message);
    }

    [TestMethod]
    public void SameContentsGiveSameBytesAndTheHashIgnoresIdentity()
    {
        byte[] a = ModelBlobWriter.Write(Golden()), b = ModelBlobWriter.Write(Golden());
        CollectionAssert.AreEqual(a, b);
        byte[] later = ModelBlobWriter.Write(Golden(created: 1_700_000_000));
        CollectionAssert.AreEqual(a.AsSpan(2380, 32).ToArray(), later.AsSpan(2380, 32).ToArray(), "content hash");
        CollectionAssert.AreNotEqual(a, later);
    }

    [TestMethod]
    public void RandomFullModelsLoadAndKeepTheirDimensions()
    {
        var random = new Random(20261125);
        for (int trial = 0; trial < 20; trial++)
        {
            BlobContents model = RandomModel(random);
            LoadResult loaded = ModelBlob.Load(ModelBlobWriter.Write(model));
            if (!loaded.Ok) Assert.Fail($"trial {trial}: {loaded.Message}");
            SaffuModel m = loaded.Model!;
            Assert.AreEqual(model.Vocabulary.Count, m.Vocabulary.Count);
            for (int id = 0; id < model.Vocabulary.Count; id++)
                Assert.AreEqual(id, m.Vocabulary.Find(model.Vocabulary[id]));
            Assert.AreEqual(model.Intents.Count, m.Intents.Count);
            Assert.AreEqual(model.TagHead!.Labels.Count, m.TagLabels.Count);
            m.Session.RunLine("w3 w1 7 w2 unknown words");
            Assert.IsTrue(m.Session.Decision.TopIntent >= 0 && m.Session.Decision.TopIntent < model.Intents.Count);
        }
    }

    private static BlobContents RandomModel(Random random)
    {
        int words = random.Next(5, 60), bits = random.Next(4, 40), intents = random.Next(2, 7), tags = 3;
        var vocabulary = new List<string> { "<oov>", "<sod>", "<num>" };
        for (int i = 3; i < words; i++) vocabulary.Add("w" + i);
        int block = random.Next(1, 9), radial = random.Next(1, 5), parts = 3;
        QuantizedTensor T(int rows, int cols, int minExponent) =>
            TensorQuantizer.Quantize(Enumerable.Range(0, rows * cols).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray(),
                rows, cols, new QuantizationOptions(random.Next(2) == 0 ? 8 : 16, random.Next(2) == 0), minExponent, out _);
        return new BlobContents
        {
            Vocabulary = vocabulary,
            Bits = bits,
            PrependSod = true,
            OovId = 0,
            SodId = 1,
            NumId = 2,
            LabelDim = intents,
            Intents = Enumerable.Range(0, intents).Select(i => "Intent" + i).ToArray(),
            MaxWords = 24,
            BlockSize = block,
            RadialSize = radial,
            Block = (T(block, block, 1), T(bits, intents, 16)),
            Radial = (T(radial, radial, 1), T(bits, intents, 16)),
            DocumentU = T(bits, intents, 16),
            IntentO = T(parts * intents, intents, 1),
            TagHead = new TagHeadContents(["O", "B-area", "I-area"], true, [T(bits, tags, 16), T(bits, tags, 16)], T(2 * tags + parts * intents, tags, 1)),
            Decision = new DecisionContents(-1, 16384, 30000, 2, 65536),
            Identity = new IdentityContents(null, new byte[32], 0, "saffu-test"),
        };
    }
}

[TestClass]
public class TensorQuantizerTests
{
    [TestMethod]
    public void ScalesKeepSixteenBitMantissasAndNeverClipInRange()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            double magnitude = Math.Pow(10, random.NextDouble() * 8 - 4);
            float[] values = Enumerable.Range(0, 12).Select(_ => (float)((random.NextDouble() * 2 - 1) * magnitude)).ToArray();
            QuantizedTensor q = TensorQuantizer.Quantize(values, 3, 4, new QuantizationOptions(16, true), 1, out int clipped);
            Assert.AreEqual(0, clipped);
            for (int j = 0; j < 4; j++)
            {
                Assert.IsTrue(q.M[j] >= 32768, $"mantissa {q.M[j]}");
                for (int i = 0; i < 3; i++)
                    Assert.AreEqual(values[i * 4 + j], q.Dequantize(i, j), q.Scale(j) / 2 + 1e-12 * magnitude);
            }
        }
    }

    [TestMethod]
    public void ValuesTooLargeForTheMinimumExponentAreClippedAndCounted()
    {
        QuantizedTensor q = TensorQuantizer.Quantize([1e6f, 1f], 1, 2, new QuantizationOptions(8, false), 16, out int clipped);
        Assert.AreEqual(16, q.E[0]);
        Assert.AreEqual(1, clipped);
        Assert.AreEqual(127, q.Data[0]);
    }

    [TestMethod]
    public void EightBitTensorsStayWithinInt8()
    {
        QuantizedTensor q = TensorQuantizer.Quantize([-3.5f, 2f, 0.001f, 3.5f], 2, 2, new QuantizationOptions(8, false), 1, out _);
        Assert.IsTrue(q.Data.All(v => v is >= -127 and <= 127));
        Assert.AreEqual(-127, q.Data[0]);
        Assert.AreEqual(127, q.Data[3]);
    }
}
