using Saffu.Runtime.Arithmetic;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Blob
{
    /// <summary>MathTables, Vocabulary, Intents and Identity (docs/model-blob.md §2–§4, §11).</summary>
    internal sealed partial class BlobLoader
    {
        bool ReadMathTables()
        {
            Enter(SectionKind.MathTables);
            if (end - start != MathTables.SectionBytes)
                return Fail(BlobError.BadTable, "MathTables section is " + (end - start) + " bytes; expected " + MathTables.SectionBytes);
            MathTables tables = new MathTables(b, start);
            int bad = tables.FirstBadEntry();
            if (bad == MathTables.Entries)
                return Fail(BlobError.BadTable, "log2e is " + tables.Log2E + " and ln2 " + tables.Ln2 + "; expected " + MathTables.ExpectedLog2E + " and " + MathTables.ExpectedLn2);
            if (bad >= 0)
                return Fail(BlobError.BadTable, "math tables break at entry " + bad + " (exp2 " + tables.Exp2(bad) + ", log2 " + tables.Log2(bad)
                    + "): exp2 must fall strictly from 2^30 to 2^29 and log2 rise strictly from 0 to 65536");
            weights.Tables = tables;
            return true;
        }

        bool ReadVocabulary()
        {
            Enter(SectionKind.Vocabulary);
            int v = config.VocabSize;
            if (!Need(8, BlobError.BadDimensions, "Vocabulary header")) return false;
            int count = LittleEndian.U16(b, cur);
            long stringBytes = LittleEndian.U32(b, cur + 4);
            if (count != v)
                return Fail(BlobError.BadDimensions, "Vocabulary count is " + count + " but config vocabSize is " + v);
            cur += 8;
            int offsetsAt = cur;
            if (!Need(4L * (v + 1) + 2L * v, BlobError.BadDimensions, "Vocabulary offsets and sorted table")) return false;
            cur += 4 * (v + 1);
            int sortedAt = cur;
            cur += 2 * v;
            if (!Pad(BlobError.BadDimensions, "Vocabulary")) return false;
            int stringsAt = cur;
            if (!Need(stringBytes, BlobError.BadDimensions, "Vocabulary strings")) return false;
            cur += (int)stringBytes;
            if (!ExactEnd(BlobError.BadDimensions, "Vocabulary")) return false;
            if (!CheckWordOffsets(offsetsAt, stringsAt, stringBytes)) return false;
            vocabulary = new Vocabulary(b, v, offsetsAt, sortedAt, stringsAt);
            return CheckSortedTable(vocabulary) && CheckSpecialWords(vocabulary);
        }

        bool CheckWordOffsets(int offsetsAt, int stringsAt, long stringBytes)
        {
            int v = config.VocabSize;
            if (LittleEndian.U32(b, offsetsAt) != 0 || LittleEndian.U32(b, offsetsAt + 4 * v) != stringBytes)
                return Fail(BlobError.BadString, "word offsets run from " + LittleEndian.U32(b, offsetsAt) + " to " + LittleEndian.U32(b, offsetsAt + 4 * v)
                    + "; expected 0 to stringBytes " + stringBytes);
            for (int r = 0; r < v; r++)
            {
                long from = LittleEndian.U32(b, offsetsAt + 4 * r), to = LittleEndian.U32(b, offsetsAt + 4 * r + 4);
                if (to - from < 1 || to - from > BlobFormat.MaxWordBytes || to > stringBytes)
                    return Fail(BlobError.BadString, "word " + r + " has " + (to - from) + " bytes (offsets " + from + ".." + to + "); expected 1.." + BlobFormat.MaxWordBytes);
                if (!Utf8.IsValid(b, stringsAt + (int)from, (int)(to - from)))
                    return Fail(BlobError.BadString, "word " + r + " is not valid UTF-8 (or has a byte below 0x20): " + Hex(b, stringsAt + (int)from, (int)(to - from)));
            }
            return true;
        }

        /// <summary>Strictly ascending words through V ids &lt; V: then the table is a permutation.</summary>
        bool CheckSortedTable(Vocabulary vocab)
        {
            for (int i = 0; i < vocab.Count; i++)
            {
                int id = vocab.SortedId(i);
                if (id >= vocab.Count)
                    return Fail(BlobError.BadString, "sorted table entry " + i + " is id " + id + "; expected < vocabSize " + vocab.Count);
                if (i == 0) continue;
                int previous = vocab.SortedId(i - 1);
                if (Vocabulary.Compare(b, vocab.WordStart(previous), vocab.WordLength(previous), b, vocab.WordStart(id), vocab.WordLength(id)) >= 0)
                    return Fail(BlobError.BadString, "sorted table entry " + i + " (id " + id + ", \"" + vocab.Word(id) + "\") does not come after entry "
                        + (i - 1) + " (id " + previous + ", \"" + vocab.Word(previous) + "\"); expected strictly ascending words");
            }
            return true;
        }

        bool CheckSpecialWords(Vocabulary vocab)
        {
            return IsSpelled(vocab, config.OovId, Tokenizer.OovWord, "oovId")
                && (config.SodId == BlobFormat.NoId || IsSpelled(vocab, config.SodId, "<sod>", "sodId"))
                && (config.NumId == BlobFormat.NoId || IsSpelled(vocab, config.NumId, Tokenizer.NumWord, "numId"));
        }

        bool IsSpelled(Vocabulary vocab, int id, string word, string field)
        {
            int at = vocab.WordStart(id), length = vocab.WordLength(id);
            bool same = length == word.Length;
            for (int i = 0; same && i < length; i++) same = b[at + i] == word[i];
            if (same) return true;
            return Fail(BlobError.BadString, "config " + field + " is " + id + ", the word \"" + vocab.Word(id) + "\"; expected \"" + word + "\"");
        }

        bool ReadIntents()
        {
            Enter(SectionKind.Intents);
            if (!Need(4, BlobError.BadDimensions, "Intents header")) return false;
            int count = LittleEndian.U16(b, cur);
            if (count != config.IntentCount)
                return Fail(BlobError.BadDimensions, "Intents count is " + count + " but config intentCount is " + config.IntentCount);
            cur += 4;
            intentsFirst = cur;
            if (!ReadNames(count, 1, BlobFormat.MaxIntentNameBytes, "intent name")) return false;
            if (!Pad(BlobError.BadDimensions, "Intents")) return false;
            return ExactEnd(BlobError.BadDimensions, "Intents") && CheckUnique(intentsFirst, count, "intent name");
        }

        /// <summary>count strings (u8 length + bytes) at the cursor, each minBytes..maxBytes of valid UTF-8.</summary>
        bool ReadNames(int count, int minBytes, int maxBytes, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (!Need(1, BlobError.BadDimensions, what + " " + i)) return false;
                int length = b[cur];
                if (length < minBytes || length > maxBytes)
                    return Fail(BlobError.BadString, what + " " + i + " has " + length + " bytes; expected " + minBytes + ".." + maxBytes);
                cur++;
                if (!Need(length, BlobError.BadDimensions, what + " " + i)) return false;
                if (!Utf8.IsValid(b, cur, length))
                    return Fail(BlobError.BadString, what + " " + i + " is not valid UTF-8 (or has a byte below 0x20): " + Hex(b, cur, length));
                cur += length;
            }
            return true;
        }

        /// <summary>No two of count strings starting at first are equal.</summary>
        bool CheckUnique(int first, int count, string what)
        {
            int a = first;
            for (int i = 0; i < count; i++, a += 1 + b[a])
            {
                int c2 = a + 1 + b[a];
                for (int j = i + 1; j < count; j++, c2 += 1 + b[c2])
                {
                    if (Vocabulary.Compare(b, a + 1, b[a], b, c2 + 1, b[c2]) == 0)
                        return Fail(BlobError.BadString, what + "s " + i + " and " + j + " are both \"" + Utf8.Decode(b, a + 1, b[a]) + "\"; expected unique");
                }
            }
            return true;
        }

        /// <summary>Start offsets (after the length byte) of count strings at first.</summary>
        int[] NameStarts(int first, int count)
        {
            int[] starts = new int[count];
            int at = first;
            for (int i = 0; i < count; i++)
            {
                starts[i] = at + 1;
                at += 1 + b[at];
            }
            return starts;
        }

        bool ReadIdentity()
        {
            if (Find(SectionKind.Identity) < 0) return true;
            Enter(SectionKind.Identity);
            if (!Need(3 * BlobFormat.IdentityHashBytes + 8, BlobError.BadDimensions, "Identity hashes and time")) return false;
            cur += 3 * BlobFormat.IdentityHashBytes + 8;
            if (!ReadNames(1, 1, 255, "Identity trainer")) return false;
            return Pad(BlobError.BadDimensions, "Identity") && ExactEnd(BlobError.BadDimensions, "Identity");
        }
    }
}
