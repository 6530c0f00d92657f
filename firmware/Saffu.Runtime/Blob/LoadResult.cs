using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>What ModelBlob.Load gives back: a model, or one error with a message naming found vs expected.</summary>
    public sealed class LoadResult
    {
        internal LoadResult(BlobError error, string message, SaffuModel? model)
        {
            Error = error;
            Message = message;
            Model = model;
        }

        public BlobError Error { get; }
        /// <summary>"" when the blob loaded.</summary>
        public string Message { get; }
        /// <summary>The loaded model, null when Error is not None.</summary>
        public SaffuModel? Model { get; }
        public bool Ok { get { return Error == BlobError.None; } }
    }
}
