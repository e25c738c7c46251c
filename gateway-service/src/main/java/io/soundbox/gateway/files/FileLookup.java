package io.soundbox.gateway.files;

/** The library's answer about one file name: it knows the file, or it does not (yet). */
public sealed interface FileLookup permits FileLookup.Known, FileLookup.Unknown {
    record Known(FileInfo info) implements FileLookup {
    }

    record Unknown() implements FileLookup {
    }

    FileLookup UNKNOWN = new Unknown();
}
