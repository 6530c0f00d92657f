using System.Buffers.Binary;
using Saffu.Training.Speech;

namespace Saffu.Training.Tests.Speech;

/// <summary>WAV headers `saffu listen` accepts, converts or refuses (docs/voice.md §4), one case per failure kind; and hypothesis lines.</summary>
[TestClass]
public sealed class WavHeaderTests
{
    static byte[] Wav(int rate, int channels, int bits, int samples, bool withData = true, int format = 1)
    {
        var bytes = new List<byte>();
        void Ascii(string s) => bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(s));
        void U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); bytes.AddRange(b); }
        void U16(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); bytes.AddRange(b); }
        int data = samples * channels * bits / 8;
        Ascii("RIFF"); U32((uint)(36 + data)); Ascii("WAVE");
        Ascii("fmt "); U32(16); U16((ushort)format); U16((ushort)channels); U32((uint)rate); U32((uint)(rate * channels * bits / 8)); U16((ushort)(channels * bits / 8)); U16((ushort)bits);
        if (withData) { Ascii("data"); U32((uint)data); bytes.AddRange(new byte[data]); }
        return [.. bytes];
    }

    static WavHeader Parse(byte[] b) => WavHeader.Parse(b, b.Length, "x.wav");

    [TestMethod]
    public void SixteenKilohertzMonoSixteenBitIsReadyAndItsLengthIsKnown()
    {
        WavHeader h = Parse(Wav(16000, 1, 16, 8000));
        Assert.IsTrue(h.IsRecogniserReady);
        Assert.AreEqual(44, h.DataOffset);
        Assert.AreEqual(0.5, h.Seconds, 1e-9);
    }

    [TestMethod]
    [DataRow(44100, 1, 16)]
    [DataRow(16000, 2, 16)]
    [DataRow(16000, 1, 8)]
    public void OtherFormatsAreReadButNeedConversion(int rate, int channels, int bits) =>
        Assert.IsFalse(Parse(Wav(rate, channels, bits, 100)).IsRecogniserReady);

    [TestMethod]
    public void EmptyFileIsRefused() => StringAssert.Contains(Assert.ThrowsExactly<AudioFileException>(() => Parse([])).Message, "an empty file (0 bytes)");

    [TestMethod]
    public void TextIsNotAWav() => StringAssert.Contains(Assert.ThrowsExactly<AudioFileException>(() => Parse("hello world!"u8.ToArray())).Message, "no RIFF/WAVE header");

    [TestMethod]
    public void AHeaderWithoutSamplesIsRefused()
    {
        StringAssert.Contains(Assert.ThrowsExactly<AudioFileException>(() => Parse(Wav(16000, 1, 16, 0))).Message, "no audio samples");
        StringAssert.Contains(Assert.ThrowsExactly<AudioFileException>(() => Parse(Wav(16000, 1, 16, 10, withData: false))).Message, "no data chunk");
    }

    [TestMethod]
    public void HypothesisLinesGiveTheWordsByUtteranceWithoutFillers()
    {
        var h = PocketSphinx.ParseHypotheses(["turn on the kitchen light (u000000 -6036)", " (u000001 -120)", "<sil> the(2) lamp [NOISE] (u000002 -5)", "garbage"]);
        Assert.AreEqual("turn on the kitchen light", h["u000000"].Text);
        Assert.AreEqual(-6036, h["u000000"].Score);
        Assert.AreEqual("", h["u000001"].Text);
        Assert.AreEqual("the lamp", h["u000002"].Text);
        Assert.HasCount(3, h);
    }
}
