using System;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Writes an Anchors section (docs/model-blob.md §16) for a test model's word list: the portable
    /// stand-in for the trainer's AnchorSection. It checks nothing, so tests can write bad sections.
    /// </summary>
    public static class TestAnchors
    {
        /// <summary>count = V, reserved 0, bit i of the ids given, zero padding to 4.</summary>
        public static byte[] Section(int vocabSize, int[] ids)
        {
            byte[] section = new byte[TestBlobWriter.Align4(4 + (vocabSize + 7) / 8)];
            TestBlobWriter.Put16(section, 0, vocabSize);
            for (int i = 0; i < ids.Length; i++) section[4 + (ids[i] >> 3)] |= (byte)(1 << (ids[i] & 7));
            return section;
        }

        /// <summary>The section marking the words given by spelling (each must be in words).</summary>
        public static byte[] Section(string[] words, string[] anchors)
        {
            int[] ids = new int[anchors.Length];
            for (int i = 0; i < anchors.Length; i++)
            {
                ids[i] = IdOf(words, anchors[i]);
                if (ids[i] < 0) throw new ArgumentException("anchor \"" + anchors[i] + "\" is not in the word list");
            }
            return Section(words.Length, ids);
        }

        public static int IdOf(string[] words, string word)
        {
            for (int id = 0; id < words.Length; id++)
            {
                if (words[id] == word) return id;
            }
            return -1;
        }
    }
}
