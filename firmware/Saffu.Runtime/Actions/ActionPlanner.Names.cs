namespace Saffu.Runtime.Actions
{
    public sealed partial class ActionPlanner
    {
        /// <summary>
        /// The light whose name ends with the span ids[first..first+count) and begins one or two words before it, not
        /// before ids[floor] (the word after the previous name or area span): the tagger started the span late ("mood
        /// light and reading lamp off" tags "reading" O and "lamp" I-name); −1 if none.
        /// </summary>
        int NameBegunEarlier(int[] ids, int first, int count, int floor)
        {
            int light = -1;
            for (int more = 1; light < 0 && more <= 2 && first - more >= floor; more++) light = Map!.FindLight(ids, first - more, count + more);
            return light;
        }

        /// <summary>
        /// A light named with another light noun ("the ceiling lights", "the desk light"): the span, or the span and the
        /// next one or two words of ids[..limit) when the tagger cut it short ("the floor | lamps"), ends in a light noun
        /// where one light's name ends in another (ActionMap.FindLightByNoun). Tried after every exact light and area reading.
        /// </summary>
        int NameWithOtherNoun(int[] ids, int first, int count, int limit)
        {
            int light = -1;
            for (int more = 0; light < 0 && more <= 2 && first + count + more <= limit; more++) light = Map!.FindLightByNoun(ids, first, count + more);
            return light;
        }

        /// <summary>
        /// A name span that names nothing is a word of a light's name said in its everyday sense, not a target, when an
        /// earlier span already named a target and every word of the span is a word of some light's name or alias but
        /// none is a light noun or unknown: "night" of "the desk lamp is too bright for this time of night" (alias "night
        /// light"). A span before the first target, or one with a light noun ("the garage light"), is still UnknownName.
        /// </summary>
        bool IsStrayNameWord(int[] ids, int first, int count)
        {
            ActionMap map = Map!;
            int oov = model.Config.OovId;
            for (int p = first; p < first + count; p++)
            {
                if (ids[p] == oov || !map.IsLightNameWord(ids[p]) || map.IsLightNounAt(ids, p)) return false;
            }
            return NamedAnyTarget();
        }

        bool NamedAnyTarget()
        {
            for (int i = 0; i < lights; i++)
            {
                if (named[i]) return true;
            }
            for (int a = 0; a < namedArea.Length; a++)
            {
                if (namedArea[a]) return true;
            }
            return false;
        }
    }
}
