#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Blob;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// One handcrafted bad blob per BlobError (and a few more per kind): exactly that error, and a
    /// message naming what was found and what was expected. Edits start from the golden blob
    /// (GoldenBlobTests: header at 0, table at 32, Config at 160, Vocabulary at 184, Intents at 236,
    /// MathTables at 264, DocumentContext at 2328, IntentHead at 2348, Decision at 2368,
    /// Identity at 2380, 2500 bytes).
    /// </summary>
    [TestClass]
    public class BlobErrorTests
    {
        const int Config = 160, Vocabulary = 184, Intents = 236, Tables = 264, Document = 2328, Head = 2348, Decision = 2368;

        static byte[] Golden() { return GoldenBlobTests.GoldenBytes(); }

        /// <summary>Entry i of the section table.</summary>
        static int Entry(int i) { return 32 + 16 * i; }

        static void Expect(byte[] blob, BlobError error, string found, string expected)
        {
            Expect(blob, BlobFormat.DefaultMaxRuntimeBytes, error, found, expected);
        }

        static void Expect(byte[] blob, int limit, BlobError error, string found, string expected)
        {
            LoadResult result = ModelBlob.Load(blob, limit);
            Assert.AreEqual(error, result.Error, result.Message);
            Assert.IsNull(result.Model);
            Assert.IsTrue(result.Message.IndexOf(found) >= 0, "message should name \"" + found + "\": " + result.Message);
            Assert.IsTrue(result.Message.IndexOf(expected) >= 0, "message should name \"" + expected + "\": " + result.Message);
        }

        /// <summary>Edits a u16 and fixes the CRC, so the check behind the checksum sees it.</summary>
        static byte[] With16(int at, int value)
        {
            byte[] blob = Golden();
            TestBlobWriter.Put16(blob, at, value);
            TestBlobWriter.FixCrc(blob);
            return blob;
        }

        /// <summary>Table entry i re-labelled as kind with the required flag given, CRC fixed.</summary>
        static byte[] Kind(int i, int kind, int flags)
        {
            byte[] blob = Golden();
            TestBlobWriter.Put16(blob, Entry(i), kind);
            TestBlobWriter.Put16(blob, Entry(i) + 2, flags);
            TestBlobWriter.FixCrc(blob);
            return blob;
        }

        static byte[] With32(int at, int value)
        {
            byte[] blob = Golden();
            TestBlobWriter.Put32(blob, at, value);
            TestBlobWriter.FixCrc(blob);
            return blob;
        }

        static byte[] Prefix(byte[] blob, int length)
        {
            byte[] cut = new byte[length];
            for (int i = 0; i < length; i++) cut[i] = blob[i];
            return cut;
        }

        [TestMethod]
        public void Truncated()
        {
            Expect(new byte[0], BlobError.Truncated, "0 bytes", "12");
            Expect(Prefix(Golden(), 11), BlobError.Truncated, "11 bytes", "12");
            Expect(Prefix(Golden(), 20), BlobError.Truncated, "20 bytes", "32");
            Expect(Prefix(Golden(), 2499), BlobError.Truncated, "2499 bytes", "totalLength 2500");
        }

        [TestMethod]
        public void BadMagic()
        {
            byte[] blob = Golden();
            blob[0] = 0x7F; blob[1] = 0x45; blob[2] = 0x4C; blob[3] = 0x46;   // an ELF file
            Expect(blob, BlobError.BadMagic, "7F 45 4C 46", "53 41 46 55");
        }

        [TestMethod]
        public void UnsupportedVersion()
        {
            Expect(With16(4, 2), BlobError.UnsupportedVersion, "version 2", "up to 1");
            Expect(With16(4, 0), BlobError.UnsupportedVersion, "version 0", "up to 1");
            byte[] future = Prefix(With16(4, 7), 16);   // a future blob gets the helpful error, even cut short
            Expect(future, BlobError.UnsupportedVersion, "version 7", "up to 1");
        }

        [TestMethod]
        public void BadHeader()
        {
            Expect(With16(6, 16), BlobError.BadHeader, "headerSize is 16", "at least 32");
            Expect(With32(8, 40), BlobError.BadHeader, "totalLength is 40", "64..4194304");
            Expect(With16(16, 0), BlobError.BadHeader, "sectionCount is 0", "1..32");
            Expect(With16(16, 33), BlobError.BadHeader, "sectionCount is 33", "1..32");
            Expect(With16(18, 1), BlobError.BadHeader, "0x0001", "expected all zero");
            Expect(With32(20, 36), BlobError.BadHeader, "sectionTableOffset is 36", "equal headerSize 32");
            Expect(With16(Entry(2) + 14, 5), BlobError.BadHeader, "reserved 5", "expected only bit 0");
            byte[] longer = new byte[2504];
            byte[] golden = Golden();
            for (int i = 0; i < golden.Length; i++) longer[i] = golden[i];
            Expect(longer, BlobError.BadHeader, "2504 bytes", "totalLength 2500");
        }

        [TestMethod]
        public void ChecksumMismatch()
        {
            byte[] blob = Golden();
            blob[2000] ^= 0x10;
            uint computed = Crc32.OfBlob(blob, blob.Length);
            Expect(blob, BlobError.ChecksumMismatch, "0x31DEC292", "0x" + computed.ToString("X8"));
        }

        [TestMethod]
        public void SectionOutOfRange()
        {
            Expect(With32(Entry(7) + 8, 124), BlobError.SectionOutOfRange, "ends at 2504", "end of the blob at 2500");
            Expect(With32(Entry(0) + 4, 156), BlobError.SectionOutOfRange, "bytes 156..180", "end of the section table at 160");
            Expect(With16(Entry(1) + 12, 3), BlobError.SectionOutOfRange, "alignment 3", "1, 2, 4, 8 or 16");
            Expect(With16(Entry(1) + 12, 16), BlobError.SectionOutOfRange, "bytes 184..235", "multiple of its alignment 16");
        }

        [TestMethod]
        public void SectionOverlap()
        {
            Expect(With32(Entry(0) + 8, 28), BlobError.SectionOverlap, "bytes 160..188", "must not overlap");
        }

        [TestMethod]
        public void DuplicateSection()
        {
            Expect(With16(Entry(7), 10), BlobError.DuplicateSection, "kind 10 appears at table entries 6 and 7", "may appear once");
        }

        [TestMethod]
        public void UnknownSections()
        {
            byte[] blob = Golden();
            TestBlobWriter.Put16(blob, Entry(7), 15);
            TestBlobWriter.Put16(blob, Entry(7) + 2, 1);
            TestBlobWriter.FixCrc(blob);
            Expect(blob, BlobError.UnknownRequiredSection, "kind 15 is required", "reads kinds 1..12");
            // The same section as optional is skipped, and the blob loads.
            Assert.AreEqual(BlobError.None, ModelBlob.Load(With16(Entry(7), 15)).Error);
        }

        [TestMethod]
        public void MissingSection()
        {
            Expect(Kind(6, 13, 0), BlobError.MissingSection, "no Decision section", "every blob has one");
            Expect(Kind(7, 5, 0), BlobError.MissingSection, "has a BlockContext section", "block is clear");
            Expect(Kind(4, 15, 0), BlobError.MissingSection, "no DocumentContext section", "document is set");
            Expect(Kind(4, 6, 1), BlobError.MissingSection, "has a RadialContext section", "radial is clear");
        }

        [TestMethod]
        public void BadDimensions()
        {
            Expect(With16(Config + 12, 0), BlobError.BadDimensions, "labelDim is 0", "1..256");
            Expect(With16(Config + 14, 1), BlobError.BadDimensions, "intentCount is 1", "2..255");
            Expect(With16(Config + 0, 8), BlobError.BadDimensions, "vocabSize 8", "3 bits");
            Expect(With16(Config + 2, 2), BlobError.BadDimensions, "vocabSize 4", "2 bits");
            Expect(With16(Config + 2, 4), BlobError.BadDimensions, "maxPopcount is 2", "popcount 1");
            Expect(With16(Config + 6, 4), BlobError.BadDimensions, "oovId is 4", "< vocabSize 4");
            Expect(With16(Config + 16, 3), BlobError.BadDimensions, "blockSize (block flag clear) is 3", "0..0");
            Expect(With16(Config + 20, 0), BlobError.BadDimensions, "maxWords is 0", "1..255");
            Expect(With16(Vocabulary, 5), BlobError.BadDimensions, "count is 5", "vocabSize is 4");
            Expect(With32(Vocabulary + 4, 14), BlobError.BadDimensions, "is 51 bytes", "need 50");
            Expect(With16(Decision, 2), BlobError.BadDimensions, "noneIntent is 2", "intentCount 2");
            Expect(With32(Decision + 8, 0), BlobError.BadDimensions, "temperature is 0", "1..16777216");
            byte[] flags = Golden();
            flags[Config + 5] = 0x01;   // prependSod alone: no context, and no <sod>
            TestBlobWriter.FixCrc(flags);
            Expect(flags, BlobError.BadDimensions, "0x01", "at least one of block, radial, document");
        }

        [TestMethod]
        public void TooLarge()
        {
            Expect(Golden(), 400, BlobError.TooLarge, "needs 496 bytes", "limit is 400");
            Assert.AreEqual(BlobError.None, ModelBlob.Load(Golden(), 496).Error);
        }

        [TestMethod]
        public void BadString()
        {
            byte[] control = Golden();
            control[Vocabulary + 36 + 5] = 0x01;   // "on" → "\x01n"
            TestBlobWriter.FixCrc(control);
            Expect(control, BlobError.BadString, "word 1 is not valid UTF-8", "01 6E");
            Expect(With16(Vocabulary + 28, 1), BlobError.BadString, "entry 1 (id 0, \"<oov>\") does not come after entry 0 (id 1, \"on\")", "strictly ascending");
            Expect(With32(Vocabulary + 12, 7), BlobError.BadString, "word 1 has 0 bytes", "1..32");
            Expect(With16(Config + 10, 1), BlobError.BadString, "the word \"on\"", "\"<num>\"");
            byte[] empty = Golden();
            empty[Intents + 4] = 0;
            TestBlobWriter.FixCrc(empty);
            Expect(empty, BlobError.BadString, "intent name 0 has 0 bytes", "1..64");
        }

        [TestMethod]
        public void DuplicateIntentNames()
        {
            TestModelSpec spec = GoldenBlobTests.Spec();
            spec.Intents = new string[] { "HassTurnOn", "HassTurnOn" };
            Expect(TestBlobWriter.Write(spec), BlobError.BadString, "both \"HassTurnOn\"", "unique");
        }

        [TestMethod]
        public void BadTagLabels()
        {
            TestModelSpec spec = TaggingModel.Create();
            spec.TagLabels = new string[] { "O", "B-area", "I-area", "X-brightness", "I-brightness" };
            Expect(TestBlobWriter.Write(spec), BlobError.BadString, "\"X-brightness\"", "O, B-<slot> or I-<slot>");
            spec.TagLabels = new string[] { "O", "B-area", "I-Area", "B-brightness", "I-brightness" };
            Expect(TestBlobWriter.Write(spec), BlobError.BadString, "\"I-Area\"", "a-z and _");
        }

        [TestMethod]
        public void BadTensor()
        {
            byte[] bits = Golden();
            bits[Head + 4] = 12;
            TestBlobWriter.FixCrc(bits);
            Expect(bits, BlobError.BadTensor, "bits 12", "8 or 16");
            Expect(With16(Head + 8, 0), BlobError.BadTensor, "scale 0 is m 0", "m 1..65535");
            Expect(With16(Document, 4), BlobError.BadTensor, "is 4×2", "3×2");
            byte[] shift = Golden();
            shift[Document + 10] = 15;   // U scale e 15: the runtime would shift by −1
            TestBlobWriter.FixCrc(shift);
            Expect(shift, BlobError.BadTensor, "e 15", "e 16..62");
            byte[] mode = Golden();
            mode[Document + 5] = 1;       // per column: 2 scales, so the first data bytes are read as scale 1
            TestBlobWriter.FixCrc(mode);
            Expect(mode, BlobError.BadTensor, "scale 1 is m 0, e 64", "e 16..62");
        }

        [TestMethod]
        public void BadActionMap()
        {
            // The Identity entry relabelled as kind 12: its content hash (bytes 0, 1, ...) is read as
            // lightCount 0x0100. ActionMapLoadTests has one bad section per ActionMap check.
            Expect(Kind(7, 12, 0), BlobError.BadActionMap, "lightCount is 256", "1..64");
        }

        [TestMethod]
        public void BadAnchors()
        {
            // The Identity entry relabelled as kind 16 (known, so read whatever its flag): its content
            // hash (bytes 0, 1, ...) is read as count 0x0100. AnchorTests has one bad section per Anchors check.
            Expect(Kind(7, 16, 0), BlobError.BadAnchors, "count is 256", "vocabSize 4");
        }

        [TestMethod]
        public void BadTable()
        {
            // exp2[5] = 1 still falls from exp2[4], so exp2[6] is the first entry that breaks the rule.
            Expect(With32(Tables + 4 * 5, 1), BlobError.BadTable, "entry 6 (exp2 1056439131", "fall strictly");
            Expect(With32(Tables + 4 * 514, 94549), BlobError.BadTable, "log2e is 94549", "94548");
            Expect(With32(Entry(3) + 8, 2060), BlobError.BadTable, "2060 bytes", "2064");
        }
    }
}
