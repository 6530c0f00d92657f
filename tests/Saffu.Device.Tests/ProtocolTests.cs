#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Device.Protocol;

namespace Saffu.Device.Tests
{
    /// <summary>
    /// docs/serial-protocol.md on the wire: golden exchanges with the handcrafted LightsModel (clock
    /// moved by hand, so every byte is fixed), request ids, and the framing rules.
    /// </summary>
    [TestClass]
    public class ProtocolTests
    {
        static TestDevice NewDevice()
        {
            return new TestDevice(TestBlobs.First());
        }

        [TestMethod]
        public void BootEventNamesTheBuiltinModel()
        {
            TestDevice d = NewDevice();
            Assert.AreEqual(1, d.BootLines.Length);
            Assert.AreEqual("{\"id\":null,\"type\":\"boot\",\"protocol\":1,\"firmware\":\"0.1.0\",\"boot\":1,\"model\":{\"source\":\"builtin\",\"bytes\":"
                + TestBlobs.First().Length + ",\"crc\":\"" + TestBlobs.CrcHex(TestBlobs.First())
                + "\",\"content_hash\":\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\",\"intents\":6,\"lights\":4,\"ram_bytes\":"
                + d.App.Models.Model!.RamBytes + "},\"fallback\":null}", d.BootLines[0]);
        }

        [TestMethod]
        public void GoldenPing()
        {
            TestDevice d = NewDevice();
            AssertLines(d.Send("ping"), "{\"id\":null,\"type\":\"pong\",\"protocol\":1}");
            AssertLines(d.Send("42 ping"), "{\"id\":42,\"type\":\"pong\",\"protocol\":1}");
            AssertLines(d.Send("  007\tPING  "), "{\"id\":7,\"type\":\"pong\",\"protocol\":1}");
        }

        [TestMethod]
        public void GoldenSayActed()
        {
            TestDevice d = NewDevice();
            AssertLines(d.Send("3 say turn on the desk lamp"),
                "{\"id\":3,\"type\":\"decision\",\"seq\":0,\"text\":\"turn on the desk lamp\",\"intent\":\"HassTurnOn\",\"understood\":true,"
                + "\"confidence\":1.0000,\"confidence_q15\":32768,\"slots\":{\"name\":\"desk lamp\"},\"action\":{\"kind\":\"pins\",\"action\":\"on\",\"reason\":null,"
                + "\"message\":\"desk lamp 100%\",\"pins\":[{\"pin\":13,\"mode\":\"pwm\",\"level\":1000}],\"lights\":[{\"name\":\"desk lamp\",\"level\":100,\"dimmable\":true}]},"
                + "\"top\":\"HassTurnOn\",\"reason\":null,\"domain\":null,\"answer\":\"desk lamp 100%\",\"truncated\":false,\"correction\":null}");
            Assert.AreEqual(1000, d.Pins.Pins[13]);
        }

        [TestMethod]
        public void GoldenSayNotUnderstood()
        {
            TestDevice d = NewDevice();
            string pinsBefore = d.Pins.Log;
            AssertLines(d.Send("say turn on the attic light"),
                "{\"id\":null,\"type\":\"decision\",\"seq\":0,\"text\":\"turn on the attic light\",\"intent\":null,\"understood\":false,"
                + "\"confidence\":1.0000,\"confidence_q15\":32768,\"slots\":{\"name\":\"attic light\"},\"action\":null,\"top\":\"HassTurnOn\",\"reason\":\"unknown_name\",\"domain\":null,"
                + "\"answer\":\"no light of that name in this home\",\"truncated\":false,\"correction\":null}");
            AssertLines(d.Send("say hello"),
                "{\"id\":null,\"type\":\"decision\",\"seq\":1,\"text\":\"hello\",\"intent\":null,\"understood\":false,"
                + "\"confidence\":1.0000,\"confidence_q15\":32768,\"slots\":{},\"action\":null,\"top\":\"<none>\",\"reason\":\"none_intent\",\"domain\":null,"
                + "\"answer\":\"not a command this model knows\",\"truncated\":false,\"correction\":null}");
            Assert.AreEqual("no_words", Fields.Str(d.Send("say")[0], "reason"));
            Assert.AreEqual(pinsBefore, d.Pins.Log, "a transcript that is not understood switches nothing");
        }

        [TestMethod]
        public void GoldenSayUnsupported()
        {
            TestDevice d = NewDevice();
            string pinsBefore = d.Pins.Log;
            AssertLines(d.Send("say make the hall light red"),
                "{\"id\":null,\"type\":\"decision\",\"seq\":0,\"text\":\"make the hall light red\",\"intent\":\"HassLightSet\",\"understood\":true,"
                + "\"confidence\":1.0000,\"confidence_q15\":32768,\"slots\":{\"name\":\"hall light\",\"color\":\"red\"},\"action\":{\"kind\":\"unsupported\",\"action\":\"set\","
                + "\"reason\":\"colour_unsupported\",\"message\":\"not supported by this light\",\"pins\":[],\"lights\":[]},\"top\":\"HassLightSet\",\"reason\":null,\"domain\":null,"
                + "\"answer\":\"not supported by this light\",\"truncated\":false,\"correction\":null}");
            Assert.AreEqual("no_action_for_intent", Fields.Str(d.Send("say the weather")[0], "reason"));
            Assert.AreEqual(pinsBefore, d.Pins.Log);
        }

        [TestMethod]
        public void GoldenErrors()
        {
            TestDevice d = NewDevice();
            AssertLines(d.Send("9 fly"), "{\"id\":9,\"type\":\"error\",\"code\":\"unknown_command\",\"message\":\"unknown command \\\"fly\\\": expected ping, say, status, info, lights, light, log, upload, activate, bench, settings, setting or reboot\"}");
            AssertLines(d.Send("ping now"), "{\"id\":null,\"type\":\"error\",\"code\":\"bad_argument\",\"message\":\"ping takes no arguments, got \\\"now\\\"\"}");
            AssertLines(d.Send("1234567890 ping"), "{\"id\":null,\"type\":\"error\",\"code\":\"bad_argument\",\"message\":\"request id longer than 9 digits\"}");
            AssertLines(d.Send("5"), "{\"id\":5,\"type\":\"error\",\"code\":\"unknown_command\",\"message\":\"no command after the request id\"}");
        }

        [TestMethod]
        public void TranscriptIsEscapedInTheAnswer()
        {
            TestDevice d = NewDevice();
            string[] a = d.Send("say turn \"on\" the \\ desk lamp \u00e9");
            Assert.AreEqual("turn \\\"on\\\" the \\\\ desk lamp \u00e9", Fields.Str(a[0], "text"));
        }

        [TestMethod]
        public void EmptyAndBlankLinesGetNoAnswer()
        {
            TestDevice d = NewDevice();
            Assert.AreEqual(0, d.Send("").Length);
            Assert.AreEqual(0, d.Send(" \t ").Length);
            Assert.AreEqual(0, d.SendBytes(TestDevice.Utf8Bytes("\r\n\n")).Length);
        }

        [TestMethod]
        public void CrLfIsOneLineEnd()
        {
            TestDevice d = NewDevice();
            AssertLines(d.SendBytes(TestDevice.Utf8Bytes("1 ping\r\n")), "{\"id\":1,\"type\":\"pong\",\"protocol\":1}");
        }

        [TestMethod]
        public void OverlongLineIsRefusedOnceAndTheNextLineWorks()
        {
            TestDevice d = NewDevice();
            byte[] line = new byte[LineFramer.MaxLineBytes + 500];
            for (int i = 0; i < line.Length; i++) line[i] = (byte)'a';
            line[line.Length - 1] = (byte)'\n';
            string[] a = d.SendBytes(line);
            Assert.AreEqual(1, a.Length);
            Assert.AreEqual("line_too_long", Fields.Str(a[0], "code"));
            AssertLines(d.Send("2 ping"), "{\"id\":2,\"type\":\"pong\",\"protocol\":1}");
        }

        [TestMethod]
        public void LineOfExactlyTheMaximumIsRead()
        {
            TestDevice d = NewDevice();
            string text = "say turn on the desk lamp";
            while (text.Length < LineFramer.MaxLineBytes) text += " ";
            string[] a = d.Send(text);
            Assert.AreEqual("decision", Fields.Type(a[0]));
            Assert.AreEqual("line_too_long", Fields.Str(d.Send(text + "x")[0], "code"));
        }

        [TestMethod]
        public void InvalidUtf8AndControlBytesAreRefused()
        {
            TestDevice d = NewDevice();
            Assert.AreEqual("bad_utf8", Fields.Str(d.SendBytes(new byte[] { (byte)'s', 0xC3, 0x28, (byte)'\n' })[0], "code"));
            Assert.AreEqual("bad_utf8", Fields.Str(d.SendBytes(new byte[] { 0xED, 0xA0, 0x80, (byte)'\n' })[0], "code"));
            Assert.AreEqual("bad_utf8", Fields.Str(d.SendBytes(new byte[] { 0xC0, 0xAF, (byte)'\n' })[0], "code"));
            Assert.AreEqual("control_char", Fields.Str(d.SendBytes(new byte[] { (byte)'p', 0, (byte)'i', (byte)'\n' })[0], "code"));
            Assert.AreEqual("control_char", Fields.Str(d.SendBytes(new byte[] { (byte)'p', (byte)'\r', (byte)'i', (byte)'\n' })[0], "code"));
            Assert.AreEqual(0, d.App.Log.Records, "nothing refused was decided");
            AssertLines(d.Send("3 ping"), "{\"id\":3,\"type\":\"pong\",\"protocol\":1}");
        }

        [TestMethod]
        public void BinaryNoiseThenResynchronise()
        {
            TestDevice d = NewDevice();
            ulong state = 0x9E3779B97F4A7C15;
            byte[] noise = new byte[20000];
            for (int i = 0; i < noise.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                noise[i] = (byte)state;
            }
            string[] answers = d.SendBytes(noise);
            for (int i = 0; i < answers.Length; i++) Assert.AreEqual("error", Fields.Type(answers[i]), answers[i]);
            // The host's resynchronisation: a newline, then a ping with a fresh id; discard until its pong.
            d.Send("");
            AssertLines(d.Send("77 ping"), "{\"id\":77,\"type\":\"pong\",\"protocol\":1}");
            Assert.AreEqual("HassTurnOn", Fields.Str(d.Send("say turn on the desk lamp")[0], "intent"));
        }

        [TestMethod]
        public void HalfLineWaitsForItsEnd()
        {
            TestDevice d = NewDevice();
            Assert.AreEqual(0, d.SendBytes(TestDevice.Utf8Bytes("4 pi")).Length);
            AssertLines(d.SendBytes(TestDevice.Utf8Bytes("ng\n")), "{\"id\":4,\"type\":\"pong\",\"protocol\":1}");
        }

        [TestMethod]
        public void CancelDropsAHalfLineLeftByADroppedConnection()
        {
            TestDevice d = NewDevice();
            d.SendBytes(TestDevice.Utf8Bytes("say turn on the"));
            AssertLines(d.SendBytes(TestDevice.Utf8Bytes("\u0018" + "5 ping\n")), "{\"id\":5,\"type\":\"pong\",\"protocol\":1}");
            Assert.AreEqual(0, d.App.Log.Records, "the half say was never run");
            Assert.AreEqual(0, d.Pins.Pins[13], "still off as at boot");
        }

        [TestMethod]
        public void StaleHalfLineIsDropped()
        {
            TestDevice d = NewDevice();
            d.SendBytes(TestDevice.Utf8Bytes("say turn on the"));
            d.Advance(DeviceApplication.StaleLineMs + 1);
            AssertLines(d.Send("6 ping"), "{\"id\":6,\"type\":\"pong\",\"protocol\":1}");
            Assert.AreEqual(0, d.App.Log.Records);
        }

        [TestMethod]
        public void FloodOfRequestsIsAnsweredInOrder()
        {
            TestDevice d = NewDevice();
            string flood = "";
            for (int i = 0; i < 300; i++) flood += i + (i % 2 == 0 ? " say turn off the hall light\n" : " ping\n");
            string[] a = d.SendBytes(TestDevice.Utf8Bytes(flood));
            Assert.AreEqual(300, a.Length);
            for (int i = 0; i < 300; i++)
            {
                Assert.AreEqual(i, (int)Fields.Int(a[i], "id"));
                Assert.AreEqual(i % 2 == 0 ? "decision" : "pong", Fields.Type(a[i]));
            }
            Assert.AreEqual(150, d.App.Log.Records);
        }

        [TestMethod]
        public void RequestParseRoundTrips()
        {
            Request r = Request.Parse("12 say  turn on the lamp  ")!;
            Assert.AreEqual(12, r.Id);
            Assert.AreEqual("say", r.Command);
            Assert.AreEqual("turn on the lamp", r.Rest);
            Request s = Request.Parse("LOG dump 5 10")!;
            Assert.AreEqual(-1, s.Id);
            Assert.AreEqual("log", s.Command);
            string[] w = s.Words();
            Assert.AreEqual(3, w.Length);
            Assert.AreEqual("dump", w[0]);
            Assert.AreEqual("10", w[2]);
            Assert.IsNull(Request.Parse("1234567890 ping"));
            Assert.AreEqual(0, Request.Parse("999999999 say")!.Rest.Length);
        }

        [TestMethod]
        public void ConfidenceDecimalRounds()
        {
            Assert.AreEqual("0.0000", Q15(0));
            Assert.AreEqual("0.5000", Q15(16384));
            Assert.AreEqual("1.0000", Q15(32768));
            Assert.AreEqual("1.0000", Q15(32767));
            Assert.AreEqual("0.0002", Q15(7));
        }

        static string Q15(int q)
        {
            LineSink sink = new LineSink();
            JsonLine json = new JsonLine(sink);
            json.Begin(1, "t");
            json.Key("c");
            json.Q15Decimal(q);
            json.End();
            return Fields.Raw(sink.Text, "c")!;
        }

        static void AssertLines(string[] actual, string expected)
        {
            Assert.AreEqual(1, actual.Length, actual.Length == 0 ? "no answer" : actual[0]);
            Assert.AreEqual(expected, actual[0]);
        }
    }
}
