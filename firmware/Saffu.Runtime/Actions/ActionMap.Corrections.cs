namespace Saffu.Runtime.Actions
{
    public sealed partial class ActionMap
    {
        /// <summary>
        /// Where the command of a correction starts (docs/action-map.md step 0): after the sentence's last taking back — the
        /// end of its last cancellation phrase (kind 7), or, when it says none and <paramref name="modelCancelled"/> (the model
        /// decided a cancel intent), the end of the filler lead phrases that open it — the first word after filler lead phrases,
        /// when that word starts a light verb (kind 8) and no bare negation ends right before it. The ids index of that light
        /// verb, or −1 when the sentence ids[first..first+count) is no correction.
        /// </summary>
        public int CorrectionStart(int[] ids, int first, int count, bool modelCancelled)
        {
            int end = first + count, taken = LastCancellationEnd(ids, first, end);
            if (taken < 0 && modelCancelled) taken = LeadStart(ids, first, count);
            if (taken <= first || taken >= end) return -1;
            int verb = LeadStart(ids, taken, end - taken);
            if (verb >= end || !IsPhraseOfKindAt(WordLightVerb, ids, verb, end) || BareNegationEndsAt(ids, first, verb)) return -1;
            return verb;
        }

        /// <summary>The ids index after the cancellation phrase (kind 7) of ids[first..end) that ends last; −1 if none.</summary>
        int LastCancellationEnd(int[] ids, int first, int end)
        {
            int last = -1;
            for (int t = first; t < end; t++)
            {
                int after = PhraseOfKindEnd(WordCancel, ids, t, end);
                if (after > last) last = after;
            }
            return last;
        }

        /// <summary>
        /// A negation phrase (kind 3) that is no cancellation phrase (kind 7) ends right before ids[at], starting at or after
        /// ids[first]: it negates the verb at ids[at] ("don't" of "no don't turn on the hall light"). "never mind", "forget
        /// it", "scratch that" are both kinds: they take back what came before them, not the verb after.
        /// </summary>
        bool BareNegationEndsAt(int[] ids, int first, int at)
        {
            for (int e = 0; e < leadAt.Length; e++)
            {
                int n = data[leadAt[e] + 1];
                if (data[leadAt[e]] != LeadNegation || at - n < first || !PhraseIs(leadAt[e] + 1, ids, at - n, n)) continue;
                if (PhraseOfKindEnd(WordCancel, ids, at - n, at) != at) return true;
            }
            return false;
        }
    }
}
