import { crc32, inflateRawSync } from "node:zlib";

/**
 * A minimal reader for the zip archives BILLmanager hands out as certificate files: ISPsystem's GlobalSign processing
 * module packs the issued certificate with the `zip` tool (a `.p7b` and one `.crt` per certificate) and stores the
 * archive. Only what such archives use is read: stored or deflated entries, no ZIP64, no encryption, found through
 * the central directory (PKWARE APPNOTE 4.3). Node's zlib does the inflating; a library would add a dependency for
 * these few dozen lines.
 */
export interface ZipEntry {
    name: string;
    data: Buffer;
}

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;

export class ZipFormatError extends Error {
    override name = "ZipFormatError";
}

/** True when the bytes start like a zip archive (a local file header). */
export function isZip(bytes: Buffer): boolean {
    return bytes.length >= 4 && bytes.readUInt32LE(0) === localHeaderSignature;
}

function endOfCentralDirectory(bytes: Buffer): number {
    // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
    for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
        if (bytes.readUInt32LE(offset) === endOfCentralDirectorySignature) return offset;
    }
    throw new ZipFormatError("no end of central directory record");
}

function inflate(name: string, stored: Buffer): Buffer {
    try {
        return inflateRawSync(stored);
    } catch (error) {
        throw new ZipFormatError(`${name} cannot be inflated (${(error as Error).message})`);
    }
}

/** Every file of the archive (directories left out), checked against its CRC-32 and size. */
export function readZip(bytes: Buffer): ZipEntry[] {
    if (bytes.length < 22) throw new ZipFormatError("too short to be a zip archive");
    const end = endOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(end + 10);
    let offset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff) throw new ZipFormatError("ZIP64 archives are not read");
    const entries: ZipEntry[] = [];
    for (let index = 0; index < count; index++) {
        if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== centralHeaderSignature)
            throw new ZipFormatError(`central directory entry ${index} is damaged`);
        const flags = bytes.readUInt16LE(offset + 8);
        const method = bytes.readUInt16LE(offset + 10);
        const crc = bytes.readUInt32LE(offset + 16);
        const compressedSize = bytes.readUInt32LE(offset + 20);
        const size = bytes.readUInt32LE(offset + 24);
        const nameLength = bytes.readUInt16LE(offset + 28);
        const extraLength = bytes.readUInt16LE(offset + 30);
        const commentLength = bytes.readUInt16LE(offset + 32);
        const localOffset = bytes.readUInt32LE(offset + 42);
        const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
        offset += 46 + nameLength + extraLength + commentLength;
        if (name.endsWith("/")) continue;
        if (flags & 0x1) throw new ZipFormatError(`${name} is encrypted`);
        if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== localHeaderSignature)
            throw new ZipFormatError(`the local header of ${name} is damaged`);
        const dataStart =
            localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
        if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(`${name} is cut short`);
        const stored = bytes.subarray(dataStart, dataStart + compressedSize);
        let data: Buffer;
        if (method === 0) data = Buffer.from(stored);
        else if (method === 8) data = inflate(name, stored);
        else throw new ZipFormatError(`${name} uses compression method ${method}, not stored or deflate`);
        if (data.length !== size || crc32(data) !== crc)
            throw new ZipFormatError(`${name} does not match its CRC-32 or size`);
        entries.push({ name, data });
    }
    return entries;
}
