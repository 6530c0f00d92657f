using Saffu.Device.Log;
using Saffu.Device.Protocol;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Device
{
    /// <summary>`say TEXT`: decide, act, log, answer (docs/serial-protocol.md, say).</summary>
    public sealed partial class DeviceApplication
    {
        readonly SlotReport slots = new SlotReport();
        readonly string?[] recordStrings = new string?[LogRecord.StringCount];

        void Say(Request r)
        {
            SaffuModel? model = models.Model;
            if (model == null)
            {
                Error(r.Id, ErrorCodes.NoModel, NoModelMessage());
                return;
            }
            Session session = model.Session;
            bool truncated = session.RunLine(r.Rest) == PushResult.TooManyWords;
            Decision d = session.Decision;
            ActionPlanner planner = model.Actions;
            bool planned = session.Words > 0;
            ActionOutcome outcome = planned ? planner.Plan(d) : ActionOutcome.NotUnderstood;
            DecisionReason notUnderstood = ReasonCodes.NotUnderstood(session, outcome, planner.Reason);
            bool understood = notUnderstood == DecisionReason.None;
            bool acted = understood && outcome == ActionOutcome.Acted;
            if (acted) planner.Commands.ApplyTo(ports.Pins);
            slots.Read(session, planner, planned);
            DecisionReason unsupported = understood && outcome == ActionOutcome.NotSupported ? ReasonCodes.Unsupported(planner.Reason) : DecisionReason.None;
            string? top = d.TopIntent < 0 ? null : model.Intents.Name(d.TopIntent);
            string? kind = understood ? ReasonCodes.ActionKindCode(outcome) : null;
            string? action = understood ? ReasonCodes.ActionCode(planner.Action) : null;
            string message = understood ? ActionMessage(outcome, unsupported, planner) : ReasonCodes.NotUnderstoodMessage(notUnderstood, planner);
            string? intent = understood ? model.Intents.Name(planner.ReportedIntent) : null;
            int textLength = Utf8.Encode(r.Rest, textBytes);

            string? logError = null;
            long seq = -1;
            try
            {
                seq = AppendRecord(model, d.Confidence, understood, truncated, textLength, top, notUnderstood, kind, action, unsupported, acted,
                    planned && planner.CorrectionWords >= 0);
            }
            catch (System.Exception e)
            {
                logError = e.Message;
            }
            if (acted) SaveLights();   // after the record: a cut while saving the states never costs the decision

            json.Begin(r.Id, "decision");
            json.Key("seq");
            if (seq < 0) json.Null(); else json.Int(seq);
            json.Key("text");
            json.Utf8String(textBytes, 0, textLength);
            json.Key("intent");
            json.String(intent);
            json.Key("understood");
            json.Bool(understood);
            json.Key("confidence");
            json.Q15Decimal(d.Confidence);
            json.Key("confidence_q15");
            json.Int(d.Confidence);
            json.Key("slots");
            WriteSlots();
            json.Key("action");
            if (!understood) json.Null();
            else WriteAction(kind, action, unsupported, message, acted, outcome == ActionOutcome.Answered, planner);
            json.Key("top");
            json.String(top);
            json.Key("reason");
            json.String(ReasonCodes.Code(notUnderstood));
            json.Key("domain");
            json.String(planner.DomainName());
            json.Key("answer");
            json.String(outcome == ActionOutcome.NoActionMap && understood ? NoActionMapAnswer : message);
            json.Key("truncated");
            json.Bool(truncated);
            json.Key("correction");
            json.String(planned ? planner.CorrectionText(session.State.Tokens) : null);
            if (logError != null)
            {
                json.Key("log_error");
                json.String(logError);
            }
            json.End();
        }

        const string NoActionMapAnswer = "understood, but this model drives no lights";

        string NoModelMessage()
        {
            string message = "no model loaded: neither flash slot holds an activated model that loads and the application has no built-in blob";
            if (models.FallbackSlot != null) message += " (slot " + models.FallbackSlot + ": " + models.FallbackError + ": " + models.FallbackMessage + ")";
            return message + "; upload one (upload begin, chunks, end, activate)";
        }

        long AppendRecord(SaffuModel model, int confidence, bool understood, bool truncated, int textLength, string? top,
            DecisionReason notUnderstood, string? kind, string? action, DecisionReason unsupported, bool acted, bool corrected)
        {
            LogRecord rec = log.Record;
            rec.Begin((uint)log.NextSeq, counters.Boot, UptimeMs(), models.ContentHashAt < 0 ? null : model.Blob, models.ContentHashAt,
                confidence, understood, truncated, slots.Step == null ? 0 : slots.Step == "up" ? 1 : slots.Step == "down" ? -1 : 0, slots.Brightness);
            if (corrected) rec.MarkCorrected();
            recordStrings[0] = top;
            recordStrings[1] = ReasonCodes.Code(notUnderstood);
            recordStrings[2] = kind;
            recordStrings[3] = action;
            recordStrings[4] = ReasonCodes.Code(unsupported);
            recordStrings[5] = slots.Name;
            recordStrings[6] = slots.Area;
            recordStrings[7] = slots.Color;
            PinCommands commands = model.Actions.Commands;
            rec.Text(textBytes, 0, textLength, LogRecord.Reserve(recordStrings, acted ? commands.Count : 0));
            for (int i = 0; i < recordStrings.Length; i++) rec.String(recordStrings[i]);
            rec.Pins(commands, acted);
            rec.Finish();
            return log.Append();
        }

        void WriteSlots()
        {
            json.Open('{');
            if (slots.Name != null) { json.Key("name"); json.String(slots.Name); }
            if (slots.Area != null) { json.Key("area"); json.String(slots.Area); }
            if (slots.Color != null) { json.Key("color"); json.String(slots.Color); }
            if (slots.Step != null) { json.Key("step"); json.String(slots.Step); }
            if (slots.Brightness >= 0) { json.Key("brightness"); json.Int(slots.Brightness); }
            json.Close();
        }

        /// <summary>The action object; `lights` holds the driven lights, or for an answered question its targets with their state.</summary>
        void WriteAction(string? kind, string? action, DecisionReason unsupported, string message, bool acted, bool answered, ActionPlanner planner)
        {
            json.Open('{');
            json.Key("kind");
            json.String(kind);
            json.Key("action");
            json.String(action);
            json.Key("reason");
            json.String(ReasonCodes.Code(unsupported));
            json.Key("message");
            json.String(message);
            json.Key("pins");
            json.Open('[');
            PinCommands c = planner.Commands;
            for (int i = 0; acted && i < c.Count; i++) WritePin(c.Pin(i), c.Kind(i), c.Level(i));
            json.Close();
            json.Key("lights");
            json.Open('[');
            ActionMap? map = planner.Map;
            for (int light = 0; acted && map != null && light < map.LightCount; light++)
            {
                if (Driven(map, c, light)) WriteLightState(map, planner.States, light, false);
            }
            for (int light = 0; answered && map != null && light < map.LightCount; light++)
            {
                if (planner.IsTargetOf(light)) WriteLightState(map, planner.States, light, false);
            }
            json.Close();
            json.Close();
        }

        void WritePin(int pin, PinKind kind, int level)
        {
            json.Open('{');
            json.Key("pin");
            json.Int(pin);
            json.Key("mode");
            json.String(kind == PinKind.Pwm ? "pwm" : "digital");
            json.Key("level");
            json.Int(level);
            json.Close();
        }

        /// <summary>{name, level, dimmable[, color]} as saffu run writes a driven light; full adds index, area, last and pins (the lights command).</summary>
        void WriteLightState(ActionMap map, LightStates states, int light, bool full)
        {
            json.Open('{');
            if (full)
            {
                json.Key("index");
                json.Int(light);
            }
            json.Key("name");
            json.String(map.LightName(light));
            if (full)
            {
                json.Key("area");
                json.String(map.AreaName(map.AreaOf(light)));
            }
            json.Key("level");
            json.Int(states.Level(light));
            if (full)
            {
                json.Key("last");
                json.Int(states.LastLevel(light));
            }
            json.Key("dimmable");
            json.Bool(map.IsDimmable(light));
            if (map.HasColor(light))
            {
                json.Key("color");
                json.Open('[');
                for (int k = 0; k < 3; k++) json.Int(states.Color(light, k));
                json.Close();
            }
            if (full)
            {
                json.Key("pins");
                json.Open('[');
                if (map.HasColor(light)) for (int k = 0; k < 3; k++) json.Int(map.ColorPin(light, k));
                else json.Int(map.Pin(light));
                json.Close();
            }
            json.Close();
        }

        /// <summary>True when the commands drive the light (its pin, or its red pin, appears among them).</summary>
        static bool Driven(ActionMap map, PinCommands c, int light)
        {
            int pin = map.HasColor(light) ? map.ColorPin(light, 0) : map.Pin(light);
            for (int i = 0; i < c.Count; i++) if (c.Pin(i) == pin) return true;
            return false;
        }

        /// <summary>The action's message as saffu run words it: the driven lights' states, or the unsupported reason.</summary>
        static string ActionMessage(ActionOutcome outcome, DecisionReason unsupported, ActionPlanner planner)
        {
            if (outcome == ActionOutcome.NoActionMap) return "the blob has no action map: nothing is driven";
            if (outcome == ActionOutcome.Answered) return planner.Answer()!;
            if (outcome != ActionOutcome.Acted) return ReasonCodes.Message(unsupported);
            ActionMap map = planner.Map!;
            LightStates states = planner.States;
            string text = "";
            for (int light = 0; light < map.LightCount; light++)
            {
                if (!Driven(map, planner.Commands, light)) continue;
                if (text.Length > 0) text += ", ";
                int level = states.Level(light);
                text += map.LightName(light) + " " + (level == 0 ? "off" : map.IsDimmable(light) ? level + "%" : "on");
                if (map.HasColor(light) && level > 0)
                    text += " colour " + states.Color(light, 0) + "," + states.Color(light, 1) + "," + states.Color(light, 2);
            }
            return text;
        }
    }
}
