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
    }
}
