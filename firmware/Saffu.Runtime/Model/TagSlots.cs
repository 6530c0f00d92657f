namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Slots named by the tag labels (docs/saffu-model.md §3): `O`, `B-x`, `I-x`. Slot indices
    /// follow the first appearance of each name. Built once at load from the labels.
    /// </summary>
    public sealed class TagSlots
    {
        readonly Labels tags;
        readonly int[] slotOfTag;     // [G] slot index, −1 for O
        readonly bool[] insideTag;    // [G] true for I-x
        readonly int[] nameTag;       // [slots] a tag whose label names the slot

        internal TagSlots(Labels tags)
        {
            this.tags = tags;
            int g = tags.Count;
            slotOfTag = new int[g];
            insideTag = new bool[g];
            int count = 0;
            for (int t = 0; t < g; t++)
            {
                slotOfTag[t] = -1;
                if (tags.Length(t) < 3) continue;   // "O"
                insideTag[t] = IsInside(t);
                int same = FirstWithSameName(t);
                slotOfTag[t] = same == t ? count++ : slotOfTag[same];
            }
            nameTag = new int[count];
            for (int t = g - 1; t >= 0; t--)
            {
                if (slotOfTag[t] >= 0) nameTag[slotOfTag[t]] = t;
            }
            Count = count;
        }

        /// <summary>Number of distinct slot names.</summary>
        public int Count { get; }

        /// <summary>Bytes allocated: the three maps.</summary>
        public int RamBytes { get { return slotOfTag.Length * 4 + insideTag.Length + nameTag.Length * 4; } }

        /// <summary>RamBytes before building: G tags, at most G slots.</summary>
        public static int RamBytesFor(int tagCount, int slotCount)
        {
            return tagCount * 5 + slotCount * 4;
        }

        public int SlotOf(int tag) { return slotOfTag[tag]; }

        /// <summary>True for an I-x tag.</summary>
        public bool IsInside(int tag)
        {
            return tags.Length(tag) >= 3 && Byte(tag, 0) == 'I';
        }

        /// <summary>The same, from the map built at load (per-word path).</summary>
        public bool Inside(int tag) { return insideTag[tag]; }

        /// <summary>Slot s's name, e.g. "area" (allocates).</summary>
        public string Name(int s)
        {
            string label = tags.Name(nameTag[s]);
            return label.Substring(2);
        }

        /// <summary>The slot named name, or −1.</summary>
        public int Find(string name)
        {
            for (int s = 0; s < Count; s++)
            {
                if (Name(s) == name) return s;
            }
            return -1;
        }

        int FirstWithSameName(int t)
        {
            for (int u = 0; u < t; u++)
            {
                if (tags.Length(u) == tags.Length(t) && SameName(u, t)) return u;
            }
            return t;
        }

        bool SameName(int u, int t)
        {
            for (int i = 2; i < tags.Length(t); i++)
            {
                if (Byte(u, i) != Byte(t, i)) return false;
            }
            return true;
        }

        int Byte(int tag, int i)
        {
            return tags.Data[tags.Start(tag) + i];
        }
    }
}
