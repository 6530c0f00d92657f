#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>A line through a model's session and planner, its pin commands as text: "P13=400" (PWM permille), "D33=1" (digital).</summary>
    public static class PlanText
    {
        /// <summary>Runs the line, plans its decision and returns the commands ("" when nothing is driven).</summary>
        public static string Say(SaffuModel model, string line)
        {
            Assert.AreEqual(PushResult.Ok, model.Session.RunLine(line), line);
            model.Actions.Plan(model.Session.Decision);
            return Text(model.Actions.Commands);
        }

        public static string Text(PinCommands commands)
        {
            string text = "";
            for (int i = 0; i < commands.Count; i++)
            {
                if (i > 0) text += " ";
                text += (commands.Kind(i) == PinKind.Pwm ? "P" : "D") + commands.Pin(i).ToString() + "=" + commands.Level(i).ToString();
            }
            return text;
        }
    }
}
