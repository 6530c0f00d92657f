#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Tests;

namespace Saffu.Device.Tests
{
    /// <summary>Lights at boot (off, self-test blink), their persistence, the `light` command, settings and bench.</summary>
    [TestClass]
    public class LightsTests
    {
        [TestMethod]
        public void BootSwitchesEverythingOffBlinksAndTheSettingTurnsTheBlinkOff()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0 P13=1000 D33=1 P26=1000 P27=1000 P32=1000 P25=1000 P13=0 D33=0 P26=0 P27=0 P32=0 P25=0", d.Pins.Log.Trim());
            Assert.AreEqual(DeviceApplication.SelfTestMs, (int)d.SleptMs);
            Assert.AreEqual("false", Fields.Raw(d.Send("setting self_test off")[0], "self_test"));
            d.PowerCycle();
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0", d.Pins.Log.Trim());
            Assert.AreEqual(DeviceApplication.SelfTestMs, (int)d.SleptMs, "no second blink");
        }

        [TestMethod]
        public void LightStatesComeBackAfterAPowerCycle()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            d.Send("setting self_test off");
            d.Send("say set the ceiling light to 40 percent");
            d.Send("say make the bedside lamp red");
            d.Send("say turn on the hall light");
            d.PowerCycle();
            Assert.AreEqual(400, d.Pins.Pins[LightsModel.CeilingPin]);
            Assert.AreEqual(1000, d.Pins.Pins[LightsModel.RedPin]);
            Assert.AreEqual(0, d.Pins.Pins[LightsModel.GreenPin]);
            Assert.AreEqual(1, d.Pins.Pins[LightsModel.HallPin]);
            Assert.AreEqual("[0,100,100,40]", Fields.Raw(d.Send("status")[0], "light_levels"));
            string lights = d.Send("lights")[0];
            Assert.IsTrue(lights.Contains("{\"index\":3,\"name\":\"ceiling light\",\"area\":\"bedroom\",\"level\":40,\"last\":40,\"dimmable\":true,\"pins\":[25]}"), lights);
            Assert.IsTrue(lights.Contains("\"name\":\"bedside lamp\",\"area\":\"bedroom\",\"level\":100,\"last\":100,\"dimmable\":true,\"color\":[255,0,0],\"pins\":[26,27,32]"), lights);
            // "on" after a reboot restores the remembered level.
            d.Send("say turn off the ceiling light");
            d.PowerCycle();
            Assert.AreEqual(0, d.Pins.Pins[LightsModel.CeilingPin]);
            d.Send("say turn on the ceiling light");
            Assert.AreEqual(400, d.Pins.Pins[LightsModel.CeilingPin]);
        }

        [TestMethod]
        public void PersistOffStartsDark()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Assert.AreEqual("false", Fields.Raw(d.Send("setting persist_lights off")[0], "persist_lights"));
            d.Send("say turn on the hall light");
            d.PowerCycle();
            Assert.AreEqual(0, d.Pins.Pins[LightsModel.HallPin]);
            Assert.AreEqual("false", Fields.Raw(d.Send("status")[0], "persist_lights"));
        }

        [TestMethod]
        public void StatesOfAnotherModelAreNotRestored()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            d.Send("say turn on the hall light");
            Uploads.UploadAndActivate(d, TestBlobs.Second());
            Assert.AreEqual(0, d.Pins.Pins[LightsModel.HallPin], "activation switches the old model's lights off");
            d.PowerCycle();
            Assert.AreEqual(0, d.Pins.Pins[LightsModel.HallPin]);
        }

        [TestMethod]
        public void LightCommandSetsOneLight()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Assert.AreEqual("{\"id\":2,\"type\":\"light\",\"light\":{\"index\":2,\"name\":\"bedside lamp\",\"area\":\"bedroom\",\"level\":50,\"last\":50,\"dimmable\":true,\"color\":[0,0,255],\"pins\":[26,27,32]},"
                + "\"pins\":[{\"pin\":26,\"mode\":\"pwm\",\"level\":0},{\"pin\":27,\"mode\":\"pwm\",\"level\":0},{\"pin\":32,\"mode\":\"pwm\",\"level\":500}]}",
                d.Send("2 light 2 50 0 0 255")[0]);
            Assert.AreEqual(500, d.Pins.Pins[LightsModel.BluePin]);
            Assert.AreEqual(100, (int)Fields.Int(Fields.Raw(d.Send("light 1 30")[0], "light")!, "level"));
            Assert.AreEqual(1, d.Pins.Pins[LightsModel.HallPin], "a plain light is on at any level above 0");
            Assert.AreEqual("no_light", Fields.Str(d.Send("light 9 10")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("light 0 101")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("light 0")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("light x 10")[0], "code"));
            Assert.AreEqual(0, d.App.Log.Records, "setting a light is not a decision");
        }

        [TestMethod]
        public void SettingsAreCheckedAndKept()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Assert.AreEqual("{\"id\":null,\"type\":\"settings\",\"serial_port\":\"COM2\",\"serial_tx\":17,\"serial_rx\":16,\"baud\":115200,\"self_test\":true,\"persist_lights\":true}", d.Send("settings")[0]);
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("setting baud 12")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("setting serial_tx 7")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("setting serial_port COM9")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("setting colour blue")[0], "code"));
            d.Send("setting serial_port COM3");
            d.Send("setting serial_tx 4");
            d.Send("setting baud 9600");
            d.PowerCycle();
            Assert.AreEqual("{\"id\":null,\"type\":\"settings\",\"serial_port\":\"COM3\",\"serial_tx\":4,\"serial_rx\":16,\"baud\":9600,\"self_test\":true,\"persist_lights\":true}", d.Send("settings")[0]);
        }

        [TestMethod]
        public void BenchTimesPushes()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string b = d.Send("bench 3")[0];
            Assert.AreEqual("bench", Fields.Type(b));
            Assert.AreEqual(3, (int)Fields.Int(b, "runs"));
            Assert.AreEqual(3 * 6, (int)Fields.Int(b, "words"), "<sod> and 5 words per run");
            Assert.AreEqual(10000, (int)Fields.Int(b, "ticks"), "one tick of the test clock between the two reads");
            Assert.AreEqual(10000 / 10 / 18, (int)Fields.Int(b, "us_per_word"));
            Assert.IsTrue(Fields.Int(b, "macs_per_word") > 0);
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("bench 0")[0], "code"));
            Assert.AreEqual(0, d.App.Log.Records, "bench decides nothing");
        }

        [TestMethod]
        public void RebootAnswersThenBoots()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Assert.AreEqual("{\"id\":4,\"type\":\"rebooting\"}", d.Send("4 reboot")[0]);
            Assert.IsTrue(d.App.RebootRequested);
        }
    }
}
