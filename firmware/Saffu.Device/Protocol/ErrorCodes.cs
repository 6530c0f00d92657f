namespace Saffu.Device.Protocol
{
    /// <summary>The `code` of an error line (docs/serial-protocol.md, Errors). Stable: hosts match on them.</summary>
    public static class ErrorCodes
    {
        public const string LineTooLong = "line_too_long";
        public const string BadUtf8 = "bad_utf8";
        public const string ControlChar = "control_char";
        public const string UnknownCommand = "unknown_command";
        public const string BadArgument = "bad_argument";
        public const string NoModel = "no_model";
        public const string NoLight = "no_light";
        public const string UploadNotStarted = "upload_not_started";
        public const string UploadTooLarge = "upload_too_large";
        public const string UploadOffset = "upload_offset";
        public const string ChunkCrc = "chunk_crc";
        public const string BlobCrc = "blob_crc";
        public const string BlobInvalid = "blob_invalid";
        public const string NoVerifiedUpload = "no_verified_upload";
        public const string Storage = "storage";
    }
}
