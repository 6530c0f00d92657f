using System.Buffers.Binary;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Training.Blob;

namespace Saffu.Training.Tests.Blob;

/// <summary>
/// The host writer of the Anchors section (docs/model-blob.md §16): golden bytes written by hand,
/// the errors it shares with the runtime's BadAnchors, and a round trip through ModelBlobWriter and
/// ModelBlob.Load to an anchored decision.
/// </summary>
[TestClass]
public class AnchorSectionTests
{
    [TestMethod]
    [DataRow(13, new[] { 2, 6, 7, 10, 11 }, 0, "0D00 0000 C40C 0000")]   // the runtime's tagging model: <num>, kitchen, light, living, room
    [DataRow(9, new[] { 8 }, -1, "0900 0000 0001 0000")]                  // a bit in the second byte, bits 1..7 padding
    [DataRow(8, new[] { 0, 7 }, -1, "0800 0000 8100 0000")]               // one full byte, 3 padding bytes
    [DataRow(32, new[] { 1, 9, 17, 25, 1 }, 5, "2000 0000 0202 0202")]    // no padding at all; a duplicate id is one bit
    [DataRow(33, new[] { 32 }, -1, "2100 0000 0000 0000 0100 0000")]
    public void SectionsHaveTheBytesWrittenByHand(int vocabulary, int[] anchors, int sodId, string expected)
    {
        byte[] section = AnchorSection.Write(vocabulary, anchors, sodId);
        CollectionAssert.AreEqual(Convert.FromHexString(expected.Replace(" ", "")), section);
        Assert.AreEqual(AnchorSection.SectionLength(vocabulary), section.Length);
    }

    [TestMethod]
    public void WhatTheRuntimeWouldRefuseIsRefused()
    {
        var e = Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(4, [1, 4], -1));
        Assert.AreEqual("anchor id 4", e.Found);
        StringAssert.Contains(e.Message, "an id in 0..3");
        e = Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(4, [-1], -1));
        Assert.AreEqual("anchor id -1", e.Found);
        e = Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(13, [7, 0], 0));
        StringAssert.Contains(e.Message, "the <sod> id 0 among the anchors");
        e = Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(13, [], 0));
        StringAssert.Contains(e.Message, "no anchor id");
        e = Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(65536, [1], -1));
        StringAssert.Contains(e.Message, "a vocabulary of 65536 words");
        Assert.ThrowsExactly<AnchorSectionException>(() => AnchorSection.Write(1, [0], -1));
    }

    [TestMethod]
    public void TheExtraSectionIsRequiredKind16()
    {
        ExtraSection extra = AnchorSection.Extra(4, [1], -1);
        Assert.AreEqual((ushort)16, extra.Kind);
        Assert.AreEqual((ushort)SectionKind.Anchors, extra.Kind);
        Assert.IsTrue(extra.Required);
        CollectionAssert.AreEqual(Convert.FromHexString("0400000002000000"), extra.Bytes);
    }

    [TestMethod]
    public void TheGoldenModelWithAnchorsLoadsAndDecidesOnlyWithAnAnchor()
    {
        // The runtime's golden model (<oov>, on, off, <num>) with "on" and <num> as anchors.
        BlobContents contents = ModelBlobWriterTests.Golden() with { Extra = [AnchorSection.Extra(4, [1, 3], -1)] };
        byte[] blob = ModelBlobWriter.Write(contents);
        Assert.AreEqual(2500 + 16 + 8, blob.Length, "one more table entry and an 8-byte section");
        int anchorsEntry = 32 + 16 * 7;   // after Config .. Decision, before Identity
        Assert.AreEqual(16, BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(anchorsEntry)));
        Assert.AreEqual(1, BinaryPrimitives.ReadUInt16LittleEndian(blob.AsSpan(anchorsEntry + 2)), "required flag");
        Assert.AreEqual(8u, BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(anchorsEntry + 8)));

        LoadResult loaded = ModelBlob.Load(blob);
        if (!loaded.Ok) Assert.Fail(loaded.Message);
        SaffuModel model = loaded.Model!;
        Assert.IsTrue(model.HasAnchors);
        CollectionAssert.AreEqual(new[] { false, true, false, true }, Enumerable.Range(0, 4).Select(model.IsAnchor).ToArray());
        Session session = model.Session;
        session.RunLine("on");
        Assert.AreEqual("HassTurnOn", session.Decision.Intent);
        session.RunLine("off");   // HassTurnOff with 25477 ≥ 19661, but "off" is no anchor
        Assert.AreEqual(1, session.Decision.TopIntent);
        Assert.IsFalse(session.Decision.Anchored);
        Assert.IsNull(session.Decision.Intent);
        session.RunLine("off 5");  // <num> anchors it
        Assert.AreEqual("HassTurnOff", session.Decision.Intent);
    }
}
