using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// The decision of a session so far (docs/saffu-model.md §3), read from its state: top intent,
    /// confidence, understood or not, the early decision and the slots. Only the methods that return
    /// strings allocate.
    /// </summary>
    public sealed class Decision
    {
        readonly Session session;

        internal Decision(Session session)
        {
            this.session = session;
        }

        /// <summary>The session this decision reads (the action planner reads its word ids).</summary>
        internal Session Session { get { return session; } }

        ModelConfig Config { get { return session.Model.Config; } }
        RunState State { get { return session.State; } }

        /// <summary>argmax y (ties: lowest index); −1 before the first position.</summary>
        public int TopIntent { get { return session.Top; } }

        /// <summary>y[top], Q15; 0 before the first position.</summary>
        public int Confidence { get { return session.Top < 0 ? 0 : State.Intent[session.Top]; } }

        /// <summary>
        /// True when the model has no anchors, or at least one anchor word has been pushed since
        /// Reset (docs/saffu-model.md §3). Not anchored → not understood, whatever the scores.
        /// </summary>
        public bool Anchored { get { return session.Anchored; } }

        /// <summary>Anchored, top ≠ noneIntent and confidence ≥ rejectThreshold. Not understood → no action.</summary>
        public bool Understood
        {
            get { return session.Top >= 0 && session.Anchored && session.Top != Config.NoneIntent && Confidence >= Config.RejectThreshold; }
        }

        /// <summary>The top intent's name when understood, else null (allocates).</summary>
        public string? Intent
        {
            get { return Understood ? session.Model.Intents.Name(session.Top) : null; }
        }

        /// <summary>y[intent], Q15.</summary>
        public int Score(int intent)
        {
            return session.Top < 0 ? 0 : State.Intent[intent];
        }

        /// <summary>log2 y[intent] in Q16 (≤ 0): Log2(y_q) − 15·2^16; FixedMath.Log2OfZero when y_q = 0.</summary>
        public int Log2Probability(int intent)
        {
            int p = Score(intent);
            if (p <= 0) return FixedMath.Log2OfZero;
            return FixedMath.Log2(session.Model.Weights.Tables!, p) - 15 * FixedMath.One16;
        }

        /// <summary>First position (t, &lt;sod&gt; included) where the early rule held (anchored by then); −1 if none.</summary>
        public int EarlyPosition { get { return session.EarlyPosition; } }

        /// <summary>The top intent at EarlyPosition; −1 if none.</summary>
        public int EarlyIntent { get { return session.EarlyIntent; } }

        /// <summary>Tag of position t (1..Position); −1 without a tag head or out of range.</summary>
        public int Tag(int t)
        {
            if (!Config.HasTagHead || t < 1 || t > session.Position) return -1;
            return State.Tags[t - 1];
        }

        public int SlotCount { get { return session.Model.Slots.Count; } }

        /// <summary>Slot s's name (allocates).</summary>
        public string SlotName(int slot) { return session.Model.Slots.Name(slot); }

        /// <summary>First position of slot s's span, −1 when the slot is empty.</summary>
        public int SlotStart(int slot) { return State.SlotStart[slot]; }

        /// <summary>Last position of slot s's span, −1 when empty.</summary>
        public int SlotEnd(int slot) { return State.SlotEnd[slot]; }

        public bool HasSlot(int slot) { return State.SlotStart[slot] >= 0; }

        /// <summary>The number value of the span's first &lt;num&gt;, or −1.</summary>
        public int SlotNumber(int slot)
        {
            if (State.SlotStart[slot] < 0) return -1;
            for (int t = State.SlotStart[slot]; t <= State.SlotEnd[slot]; t++)
            {
                if (State.Numbers[t - 1] >= 0) return State.Numbers[t - 1];
            }
            return -1;
        }

        /// <summary>
        /// The span's words joined by one space (allocates): vocabulary spellings, a &lt;num&gt; as its
        /// decimal value. "" when the slot is empty.
        /// </summary>
        public string SlotText(int slot)
        {
            if (State.SlotStart[slot] < 0) return "";
            string text = "";
            for (int t = State.SlotStart[slot]; t <= State.SlotEnd[slot]; t++)
            {
                if (t > State.SlotStart[slot]) text += " ";
                int number = State.Numbers[t - 1];
                text += number >= 0 ? number.ToString() : session.Model.Vocabulary.Word(State.WordIds[t - 1]);
            }
            return text;
        }
    }
}
