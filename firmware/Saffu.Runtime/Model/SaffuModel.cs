using Saffu.Runtime.Actions;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// A loaded model: its blob bytes, config, weight views, vocabulary and labels, and the session
    /// whose RunState was allocated at load. Made only by ModelBlob.Load, which checked everything.
    /// </summary>
    public sealed class SaffuModel
    {
        readonly int anchorsAt;   // blob offset of the Anchors section's bits, −1 without one

        internal SaffuModel(byte[] blob, ModelConfig config, ModelWeights weights, Vocabulary vocabulary,
            Labels intents, Labels tags, TagSlots slots, ActionMap? actionMap, int anchorsAt, WordVectors? vectors)
        {
            Vectors = vectors;
            this.anchorsAt = anchorsAt;
            Blob = blob;
            Config = config;
            Weights = weights;
            Vocabulary = vocabulary;
            Intents = intents;
            TagLabels = tags;
            Slots = slots;
            Session = new Session(this, new RunState(config, slots.Count));
            Actions = new ActionPlanner(this, actionMap);
        }

        /// <summary>
        /// The co-occurrence word vectors (docs/model-blob.md §17), read in place; null when the blob has none and
        /// the words' vectors are their bit-cipher codes.
        /// </summary>
        public WordVectors? Vectors { get; }
        /// <summary>The blob's bytes, kept and read in place.</summary>
        public byte[] Blob { get; }
        public ModelConfig Config { get; }
        public ModelWeights Weights { get; }
        public Vocabulary Vocabulary { get; }
        /// <summary>Intent names, index = intent id.</summary>
        public Labels Intents { get; }
        /// <summary>Tag labels (empty without a tag head).</summary>
        public Labels TagLabels { get; }
        /// <summary>Slot names from the tag labels.</summary>
        public TagSlots Slots { get; }
        /// <summary>The session allocated at load.</summary>
        public Session Session { get; }
        /// <summary>
        /// Decision → pin commands (docs/action-map.md), with the light states, allocated at load;
        /// Actions.Map is the blob's ActionMap section, null when the blob has none.
        /// </summary>
        public ActionPlanner Actions { get; }

        /// <summary>
        /// The blob has an Anchors section (docs/model-blob.md §16): a session is understood only
        /// after at least one anchor word (docs/saffu-model.md §3).
        /// </summary>
        public bool HasAnchors { get { return anchorsAt >= 0; } }

        /// <summary>
        /// Word id is marked in the Anchors section (read in place, no allocation). False without
        /// the section and for ids outside 0..V−1; never true for &lt;sod&gt; (the loader refuses that).
        /// </summary>
        public bool IsAnchor(int wordId)
        {
            if (anchorsAt < 0 || wordId < 0 || wordId >= Config.VocabSize) return false;
            return (Blob[anchorsAt + (wordId >> 3)] & (1 << (wordId & 7))) != 0;
        }

        /// <summary>
        /// Bytes the runtime allocated beyond the blob: the session's RunState, the label maps and
        /// the actions (element count × element size of every array).
        /// </summary>
        public long RamBytes
        {
            get { return Session.State.RamBytes + Intents.RamBytes + TagLabels.RamBytes + Slots.RamBytes + Actions.RamBytes; }
        }

        /// <summary>
        /// Another independent session over the same weights (host: parallel evaluation). Allocates
        /// one more RunState (Session.State.RamBytes bytes).
        /// </summary>
        public Session NewSession()
        {
            return new Session(this, new RunState(Config, Slots.Count));
        }
    }
}
