namespace Saffu.Runtime.Actions
{
    public sealed partial class ActionMap
    {
        /// <summary>True when id is a word of one of a light's names or aliases ("night" of "night light"), at any position.</summary>
        public bool IsLightNameWord(int id)
        {
            for (int light = 0; light < lightAt.Length; light++)
            {
                if (AnyNameHas(lightAt[light] + LightFixedBytes - 1, id, false)) return true;
            }
            return false;
        }

        /// <summary>nameCount at 'at', then that many phrases: does one hold the word id (lastOnly: as its last word)?</summary>
        bool AnyNameHas(int at, int id, bool lastOnly)
        {
            int names = data[at];
            at++;
            for (int n = 0; n < names; n++)
            {
                int words = data[at];
                for (int w = lastOnly && words > 0 ? words - 1 : 0; w < words; w++)
                {
                    if ((data[at + 1 + 2 * w] | (data[at + 2 + 2 * w] << 8)) == id) return true;
                }
                at += 1 + 2 * words;
            }
            return false;
        }

        /// <summary>
        /// The one light of whose names ids[first..first+count) differs only in its last word, both last words being light
        /// nouns of the lead table ("ceiling lights", "floor lamps", "desk light" for "ceiling light", "floor lamp",
        /// "desk lamp"); −1 when none or more than one light's name does. A one-word span is never matched so.
        /// </summary>
        public int FindLightByNoun(int[] ids, int first, int count)
        {
            if (count < 2 || !IsOneWordOfKind(WordLightNoun, ids[first + count - 1])) return -1;
            int found = -1;
            for (int light = 0; light < lightAt.Length; light++)
            {
                if (!AnyNameIsButNoun(lightAt[light] + LightFixedBytes - 1, ids, first, count)) continue;
                if (found >= 0) return -1;
                found = light;
            }
            return found;
        }

        /// <summary>nameCount at 'at', then that many phrases: is one ids[first..first+count) but for a light noun as its last word?</summary>
        bool AnyNameIsButNoun(int at, int[] ids, int first, int count)
        {
            int names = data[at];
            at++;
            for (int n = 0; n < names; n++)
            {
                int words = data[at];
                if (words == count && IsOneWordOfKind(WordLightNoun, IdAt(at, count - 1)))
                {
                    int k = 0;
                    while (k < count - 1 && IdAt(at, k) == ids[first + k]) k++;
                    if (k == count - 1) return true;
                }
                at += 1 + 2 * words;
            }
            return false;
        }

        /// <summary>Word k of the phrase at 'at'.</summary>
        int IdAt(int at, int k) { return data[at + 1 + 2 * k] | (data[at + 2 + 2 * k] << 8); }

        /// <summary>True when the lead table has the one-word phrase id of that kind.</summary>
        bool IsOneWordOfKind(int kind, int id)
        {
            for (int e = 0; e < leadAt.Length; e++)
            {
                if (data[leadAt[e]] == kind && data[leadAt[e] + 1] == 1 && IdAt(leadAt[e] + 1, 0) == id) return true;
            }
            return false;
        }

        /// <summary>
        /// ids[at] is an area noun that is no area on its own ("room" of "living room"), and the word before it, after a
        /// determiner (kind 13: "the", "my"), names a room this home lacks ("the kids room", "my son's room"): a word that is
        /// no determiner itself ("the room"), no word of an area's name ("the lounge room") and completes no area's phrase
        /// ending at the noun. Without the determiner the word is not read as a room's name ("turn off room lights").
        /// docs/action-map.md step 2.
        /// </summary>
        public bool IsUnknownRoomAt(int[] ids, int from, int at)
        {
            if (at - 2 < from || !IsAreaNoun(ids[at]) || FindArea(ids, at, 1) >= 0 || IsAreaNameWord(ids[at - 1])) return false;
            if (!IsOneWordOfKind(WordDeterminer, ids[at - 2]) || IsOneWordOfKind(WordDeterminer, ids[at - 1])) return false;
            for (int n = 2; n <= 8 && at + 1 - n >= from; n++)
            {
                if (FindArea(ids, at + 1 - n, n) >= 0) return false;
            }
            return true;
        }

        /// <summary>True when id is a word of one of an area's names or aliases, at any position.</summary>
        bool IsAreaNameWord(int id)
        {
            for (int area = 0; area < areaAt.Length; area++)
            {
                if (AnyNameHas(areaAt[area], id, false)) return true;
            }
            return false;
        }
    }
}
