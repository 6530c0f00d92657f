using System.Text.Json;
using Crc32 = System.IO.Hashing.Crc32;
using Saffu.Runtime.Blob;
using Saffu.Training.Export;

namespace Saffu.Training.DeviceLink;

/// <summary>
/// `upload begin/chunk/end` (docs/serial-protocol.md, Model upload): checks the blob against what the firmware reads
/// (its `info` answer) and against the host's copy of the device loader before one byte is sent, then sends it in
/// chunks of at most `max_chunk` bytes, each with its CRC-32, and has the device verify the whole blob's CRC.
/// </summary>
public static class BlobUpload
{
    /// <summary>Times one chunk is resent after the device reports its CRC did not match.</summary>
    public const int ChunkRetries = 3;

    /// <summary>Times an upload resynchronises after a chunk got no answer (or a garbled one) and resumes where the device is.</summary>
    public const int MaxResyncs = 3;

    /// <summary>
    /// Refuses the blob (<see cref="DeviceLinkError.Refused"/>, nothing sent) when its version is not one the firmware
    /// reads, it does not fit the device's slot, or the loader refuses it; else uploads it to the inactive slot.
    /// <paramref name="progress"/> gets the bytes acknowledged so far.
    /// </summary>
    public static UploadResult Upload(DeviceClient client, byte[] blob, IProgress<int>? progress = null)
    {
        DeviceInfo info = client.Info();
        CheckAgainst(info, blob, client.Description);
        uint crc = Crc32.HashToUInt32(blob);
        client.Request($"upload begin {blob.Length} {crc:x8}", "upload");
        int chunk = Math.Max(1, Math.Min(info.MaxChunk, 512));
        int resyncs = 0;
        for (int offset = 0; offset < blob.Length;)
        {
            int n = Math.Min(chunk, blob.Length - offset);
            long received;
            try
            {
                received = SendChunk(client, blob, offset, n);
            }
            catch (DeviceLinkException e) when (e.Error is DeviceLinkError.Timeout or DeviceLinkError.Protocol && resyncs < MaxResyncs)
            {
                // A lost answer or noise on the line: resynchronise and continue from what the device says it holds.
                resyncs++;
                offset = Resume(client, blob.Length, e);
                progress?.Report(offset);
                continue;
            }
            if (received != offset + n)
                throw new DeviceLinkException(DeviceLinkError.Protocol, $"{client.Description} acknowledged {received:N0} bytes after the chunk at {offset:N0}; expected {offset + n:N0}");
            offset += n;
            progress?.Report(offset);
        }
        var end = client.Request("upload end", "upload", timeout: client.Timeout + DeviceClient.SlowCommandAllowance);
        if (!DeviceJson.Bool(end, "verified"))
            throw new DeviceLinkException(DeviceLinkError.Protocol, $"{client.Description} answered 'upload end' without verifying the blob");
        return new UploadResult(DeviceJson.String(end, "slot"), blob.Length, crc.ToString("x8"), DeviceJson.Optional(end, "content_hash") is { ValueKind: JsonValueKind.String } h ? h.GetString() : null);
    }

    /// <summary>The checks made before anything is sent (exposed for tests and `--dry-run`-like callers).</summary>
    public static void CheckAgainst(DeviceInfo info, byte[] blob, string device)
    {
        int? version = VersionOf(blob);
        if (version is null)
            throw new DeviceLinkException(DeviceLinkError.Refused, $"the file is not a model blob (no 'SAFU' magic in its first bytes); expected a blob written by 'saffu export'");
        if (!info.BlobVersions.Contains(version.Value))
            throw new DeviceLinkException(DeviceLinkError.Refused,
                $"the blob is version {version} but the firmware {info.Firmware} on {device} reads blob version(s) {string.Join(", ", info.BlobVersions)}: not uploaded (export the model with a saffu that writes a version it reads, or update the firmware)");
        if (blob.Length > info.SlotBytes || blob.Length < BlobFormat.MinBlobBytes)
            throw new DeviceLinkException(DeviceLinkError.Refused,
                $"the blob is {blob.Length:N0} bytes; a model slot on {device} holds {BlobFormat.MinBlobBytes}..{info.SlotBytes:N0} bytes: not uploaded");
        BlobInspection x = BlobInspection.Of(blob);
        if (!x.Load.Ok)
            throw new DeviceLinkException(DeviceLinkError.Refused, $"the blob does not load ({x.Load.Error}: {x.Load.Message}); the device would refuse it: not uploaded");
        if (x.ContentHashMatches == false)
            throw new DeviceLinkException(DeviceLinkError.Refused, "the blob's Identity content hash does not match its sections (saffu verify says ContentHashMismatch): not uploaded");
    }

    /// <summary>The header's version field, or null when the bytes do not start with the blob magic.</summary>
    public static int? VersionOf(byte[] blob)
    {
        if (blob.Length < 6 || blob[0] != BlobFormat.Magic0 || blob[1] != BlobFormat.Magic1 || blob[2] != BlobFormat.Magic2 || blob[3] != BlobFormat.Magic3) return null;
        return blob[4] | blob[5] << 8;
    }

    /// <summary>After a lost chunk answer: resynchronise, then the open upload's `received` (the device's status) is where to go on.</summary>
    private static int Resume(DeviceClient client, int size, DeviceLinkException cause)
    {
        client.Connect();
        if (DeviceJson.Optional(client.Status(), "upload") is not { ValueKind: JsonValueKind.Object } upload || DeviceJson.Long(upload, "size") != size)
            throw new DeviceLinkException(cause.Error,
                $"{cause.Message}; after resynchronising, {client.Description} holds no open upload of this blob (did it restart?): upload again", inner: cause);
        return (int)DeviceJson.Long(upload, "received");
    }

    private static long SendChunk(DeviceClient client, byte[] blob, int offset, int n)
    {
        var bytes = new ReadOnlySpan<byte>(blob, offset, n);
        string line = $"upload chunk {offset} {Crc32.HashToUInt32(bytes):x8} {Convert.ToBase64String(bytes)}";
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return DeviceJson.Long(client.Request(line, "upload"), "received");
            }
            catch (DeviceLinkException e) when (e.DeviceCode == "chunk_crc" && attempt < ChunkRetries) { }
        }
    }
}
