#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Seeded structure-aware mutation of valid blobs: loading never throws, hangs or exceeds the
    /// RAM limit; every refusal is one typed error with a message; every mutant that loads runs a
    /// session on random word ids (out-of-range ones too) and random text without throwing, and
    /// plans actions from each decision (the action map is mutated too) within the pins and levels
    /// the format allows.
    /// </summary>
    [TestClass]
    public class MutationTests
    {
#if NANOFRAMEWORK_1_0
        public const int Mutants = 400;         // the device is ~1000× slower than the host
#else
        public const int Mutants = 100000;
#endif
        public const ulong Seed = 20261125;
        const int Limit = BlobFormat.DefaultMaxRuntimeBytes;

        [TestMethod]
        public void MutatedBlobsGiveTypedErrorsOrWorkingModels()
        {
            byte[][] bases = BaseBlobs();
            BlobMutator[] mutators = new BlobMutator[bases.Length];
            for (int i = 0; i < bases.Length; i++)
            {
                Assert.AreEqual(BlobError.None, ModelBlob.Load(bases[i], Limit).Error, "base blob " + i.ToString());
                mutators[i] = new BlobMutator(bases[i]);
            }
            TestRandom random = new TestRandom(Seed);
            int[] errors = new int[(int)BlobError.BadFactoredTensors + 1], byKind = new int[BlobMutator.Kinds], loadedByKind = new int[BlobMutator.Kinds];
            int crcFixed = 0;
            for (int n = 0; n < Mutants; n++)
            {
                int kind = random.Next(BlobMutator.Kinds);
                bool fixCrc = random.Chance(60);
                if (fixCrc) crcFixed++;
                byte[] mutant = mutators[random.Next(mutators.Length)].Mutate(random, kind, fixCrc);
                int limit = random.Chance(5) ? random.Next(1200) : Limit;   // a low limit now and then: TooLarge
                LoadResult result = ModelBlob.Load(mutant, limit);
                errors[(int)result.Error]++;
                byKind[kind]++;
                if (result.Error != BlobError.None)
                {
                    Assert.IsNull(result.Model);
                    Assert.IsTrue(result.Message.Length > 0, "mutant " + n.ToString() + ": empty message");
                    continue;
                }
                loadedByKind[kind]++;
                Assert.IsTrue(result.Model!.RamBytes <= limit);
                Exercise(result.Model, random);
            }
            Report(errors, byKind, loadedByKind, crcFixed);
            Assert.IsTrue(crcFixed * 2 >= Mutants, "at least half of the mutants get a recomputed CRC");
            Assert.IsTrue(errors[0] > 0, "some mutants load (tensor data, optional fields)");
            int kindsSeen = 0;
            for (int e = 1; e < errors.Length; e++) if (errors[e] > 0) kindsSeen++;
            Assert.IsTrue(kindsSeen >= (Mutants >= 10000 ? errors.Length - 1 : 8), "error kinds reached: " + kindsSeen.ToString());
        }

        /// <summary>
        /// The golden blob, the tagging model, the lights model with its action map (also with
        /// anchors) and random models of several shapes.
        /// </summary>
        static byte[][] BaseBlobs()
        {
            byte[][] bases = new byte[11][];
            TestModelSpec golden = GoldenBlobTests.Spec();
            golden.WordVectors = TestWordVectors.Random(golden.Words.Length, golden.Bits, 2, 16, new TestRandom(17));
            bases[8] = TestBlobWriter.Write(golden);
            TestShape vectorShape = new TestShape();
            vectorShape.Vocab = 30;
            vectorShape.Bits = 9;
            vectorShape.Radial = true;
            TestModelSpec withVectors = TestModels.Random(vectorShape, 777);
            withVectors.WordVectors = TestWordVectors.Random(withVectors.Words.Length, withVectors.Bits, 4, 8, new TestRandom(19));
            bases[9] = TestBlobWriter.Write(withVectors);
            TestModelSpec factored = GoldenBlobTests.Spec();
            factored.FactoredTensors = FactoredTensorTests.GoldenSection();
            bases[10] = TestBlobWriter.Write(factored);
            TestModelSpec anchored = LightsModel.Create(true);
            anchored.Anchors = TestAnchors.Section(anchored.Words, new string[] { "<num>", "lamp", "light", "dim", "red", "office", "bedroom" });
            bases[7] = TestBlobWriter.Write(anchored);
            bases[0] = GoldenBlobTests.GoldenBytes();
            bases[1] = TestBlobWriter.Write(TaggingModel.Create());
            bases[6] = TestBlobWriter.Write(LightsModel.Create(true));
            for (int i = 2; i < 6; i++)
            {
                TestShape shape = new TestShape();
                shape.Vocab = 20 + 10 * i;
                shape.Bits = 6 + 2 * i;
                shape.Sod = i % 2 == 0;
                shape.Radial = i != 3;
                shape.TagHead = i != 4;
                shape.TensorBits = i % 2 == 0 ? 8 : 16;
                shape.PerColumn = i != 5;
                shape.TagOffsets = 1 + i % 4;
                bases[i] = TestBlobWriter.Write(TestModels.Random(shape, (ulong)(700 + i)));
            }
            return bases;
        }

        static readonly string[] Fragments = { "turn", "on", "off", " ", "kitchen", "50", "%", "twenty", "five", "é", "’", "!", "\t", "<num>", "ba", "de", "xyz",
            "desk", "lamp", "make", "red", "warm white", "dim", "bedroom", "set", "toggle", "all lights" };

        /// <summary>Random pushes (ids −3..V+2, past maxWords), random lines, and every decision accessor.</summary>
        static void Exercise(SaffuModel model, TestRandom random)
        {
            Session session = model.Session;
            int v = model.Config.VocabSize;
            for (int u = 0; u < 2; u++)
            {
                session.Reset();
                int pushes = 1 + random.Next(model.Config.MaxWords + 3);
                for (int i = 0; i < pushes; i++)
                {
                    PushResult r = session.Push(random.Range(-3, v + 2), random.Next(5) == 0 ? random.Next(1000) : -1);
                    Assert.IsTrue(r == PushResult.Ok || r == PushResult.BadWordId || r == PushResult.TooManyWords);
                }
                Read(session);
            }
            string line = "";
            for (int i = random.Next(12); i > 0; i--) line += Fragments[random.Next(Fragments.Length)] + " ";
            session.RunLine(line);
            Read(session);
        }

        static void Read(Session session)
        {
            Decision d = session.Decision;
            int top = d.TopIntent;
            Assert.IsTrue(top >= -1 && top < session.Model.Config.IntentCount);
            for (int i = 0; i < session.Model.Config.IntentCount; i++)
            {
                Assert.IsTrue(d.Score(i) >= 0 && d.Score(i) <= 32768);
                Assert.IsTrue(d.Log2Probability(i) <= 0);
            }
            for (int t = 1; t <= session.Position; t++) Assert.IsTrue(d.Tag(t) < session.Model.Config.TagCount);
            for (int s = 0; s < d.SlotCount; s++)
            {
                d.SlotText(s);
                d.SlotNumber(s);
            }
            if (d.Understood) Assert.IsNotNull(d.Intent);
            if (d.Understood) Assert.IsTrue(d.Anchored);
            Assert.IsTrue(session.AnchorWords >= 0 && session.AnchorWords <= session.Words);
            Assert.AreEqual(!session.Model.HasAnchors || session.AnchorWords > 0, d.Anchored);
            Act(session.Model.Actions, d);
        }

        /// <summary>Plans the decision: commands only when Acted, each on a pin 0..39 with a level its kind allows.</summary>
        static void Act(ActionPlanner actions, Decision d)
        {
            ActionOutcome outcome = actions.Plan(d);
            PinCommands commands = actions.Commands;
            Assert.IsTrue(outcome == ActionOutcome.Acted || commands.Count == 0);
            // Not understood never acts; a non-acting top intent or a negating lead is reported before it (docs/action-map.md step 0).
            if (!d.Understood)
                Assert.IsTrue(outcome == ActionOutcome.NotUnderstood || outcome == ActionOutcome.NotALight || outcome == ActionOutcome.Cancelled,
                    "not understood but " + ((int)outcome).ToString());
            Assert.IsTrue(commands.Count <= commands.Capacity);
            for (int i = 0; i < commands.Count; i++)
            {
                Assert.IsTrue(commands.Pin(i) <= ActionMap.MaxPin);
                Assert.IsTrue(commands.Level(i) >= 0 && commands.Level(i) <= (commands.Kind(i) == PinKind.Digital ? 1 : 1000));
            }
            actions.LightName();
            actions.AreaName();
            actions.ColorName();
        }

        static void Report(int[] errors, int[] byKind, int[] loadedByKind, int crcFixed)
        {
            Console.WriteLine("mutation test: " + Mutants.ToString() + " mutants, seed " + Seed.ToString() + ", CRC recomputed for " + crcFixed.ToString());
            for (int e = 0; e < errors.Length; e++)
            {
                Console.WriteLine("  " + (e == 0 ? "loaded" : ((BlobError)e).ToString()) + ": " + errors[e].ToString());
            }
            for (int k = 0; k < byKind.Length; k++)
            {
                Console.WriteLine("  mutation " + BlobMutator.KindNames[k] + ": " + byKind[k].ToString() + " (loaded " + loadedByKind[k].ToString() + ")");
            }
        }
    }
}
