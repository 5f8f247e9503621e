// What went wrong with the store, from an engine's or the file system's error code: a short code
// the host can answer `FAILED` with, and the sentence that goes with it. Pure: no disk here.

export type StoreFailure =
	| 'store-full'
	| 'store-unwritable'
	| 'store-damaged'
	| 'store-busy'
	| 'store-closed'
	| 'store-failed';

/** Codes by their prefix, so extended SQLite codes (`SQLITE_IOERR_WRITE`) go with their family. */
const FAILURE_OF_CODE: ReadonlyArray<readonly [prefix: string, failure: StoreFailure]> = [
	['SQLITE_FULL', 'store-full'],
	['ENOSPC', 'store-full'],
	['EDQUOT', 'store-full'],
	['SQLITE_CORRUPT', 'store-damaged'],
	['SQLITE_NOTADB', 'store-damaged'],
	['SQLITE_BUSY', 'store-busy'],
	['SQLITE_LOCKED', 'store-busy'],
	['SQLITE_READONLY', 'store-unwritable'],
	['SQLITE_CANTOPEN', 'store-unwritable'],
	['SQLITE_PERM', 'store-unwritable'],
	['SQLITE_AUTH', 'store-unwritable'],
	['SQLITE_IOERR', 'store-unwritable'],
	['EACCES', 'store-unwritable'],
	['EPERM', 'store-unwritable'],
	['EROFS', 'store-unwritable'],
	['ENOTDIR', 'store-unwritable'],
	['EISDIR', 'store-unwritable'],
	['EEXIST', 'store-unwritable'],
	['EIO', 'store-unwritable'],
];

const SENTENCE: Record<StoreFailure, string> = {
	'store-full': "the host's disk is full, so the message was not kept",
	'store-unwritable': 'the host could not write to its store, so the message was not kept',
	'store-damaged': "the host's store is damaged, so the message was not kept",
	'store-busy': "the host's store was busy, so the message was not kept: send it again",
	'store-closed': 'the host is shutting down, so the message was not kept',
	'store-failed': 'the host could not keep the message',
};

/** The failure an error stands for; an error without a known code is `store-failed`. */
export function storeFailureOf(error: unknown): StoreFailure {
	const code = codeOf(error);
	if (code === undefined) return 'store-failed';
	for (const [prefix, failure] of FAILURE_OF_CODE) {
		if (code === prefix || code.startsWith(`${prefix}_`)) return failure;
	}

	return 'store-failed';
}

/** One sentence for a failure, for the reason in `FAILED <ref> <code> :<reason>`. */
export function describeStoreFailure(failure: StoreFailure): string {
	return SENTENCE[failure];
}

/** The `code` of a Node or SQLite error, if it has one. */
export function codeOf(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	return typeof error.code === 'string' ? error.code : undefined;
}
