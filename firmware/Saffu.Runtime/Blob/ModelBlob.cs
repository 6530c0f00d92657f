using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// Loads a model blob (docs/model-blob.md). Every field is checked once here, so the per-word
    /// step can run blind; a bad blob gives one BlobError with a message naming what was found and
    /// what was expected. Nothing throws: every count is bounded before it is used.
    /// </summary>
    public static class ModelBlob
    {
        /// <summary>
        /// Checks bytes and, when they are a valid v1 blob whose runtime state needs at most
        /// maxRuntimeBytes, returns the loaded model (read in place: bytes are kept, not copied).
        /// </summary>
        public static LoadResult Load(byte[] bytes, int maxRuntimeBytes)
        {
            BlobLoader loader = new BlobLoader(bytes);
            SaffuModel? model = loader.Load(maxRuntimeBytes);
            return new LoadResult(loader.Error, loader.Message, model);
        }

        /// <summary>Load with the default limit, BlobFormat.DefaultMaxRuntimeBytes (64 KiB).</summary>
        public static LoadResult Load(byte[] bytes)
        {
            return Load(bytes, BlobFormat.DefaultMaxRuntimeBytes);
        }
    }
}
