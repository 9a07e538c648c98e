#!/bin/sh
# Installs Newsroom like a desktop program, and uninstalls exactly that.
#
#   sh install.sh install STAGE     copy STAGE (a tree laid out for
#                                   /usr/local: bin/, share/…) into
#                                   $DESTDIR$PREFIX and record what was made
#   sh install.sh uninstall         remove what the record names
#
# PREFIX defaults to /usr/local; DESTDIR (a staging root for packagers)
# to nothing. No root is needed for a PREFIX the user owns, such as
# $HOME/.local. The record, $PREFIX/share/newsroom/install-manifest, lists
# every file installed and every folder the install created (as paths on
# the target system, without DESTDIR). Uninstall removes those files, then
# those folders that are empty; folders that were there before, and
# anything else in them, are left alone. `make install` and the release
# tarball's Makefile both run this script.
set -eu

PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
# The prefix the staged desktop entry names in Exec= and TryExec=.
STAGED_PREFIX=/usr/local
DESKTOP_FILE=share/applications/newsroom.desktop
MANIFEST_REL=share/newsroom/install-manifest

die() {
	echo "install.sh: $*" >&2
	exit 1
}

# Normalise PREFIX: absolute, no trailing slash, nothing a desktop entry
# or the record could not name safely.
case $PREFIX in
/*) ;;
*) die "PREFIX must be an absolute path, not \"$PREFIX\"" ;;
esac
while [ "$PREFIX" != / ] && [ "${PREFIX%/}" != "$PREFIX" ]; do PREFIX=${PREFIX%/}; done
[ "$PREFIX" != / ] || die "PREFIX must not be /"
case $PREFIX in
*'"'* | *'`'* | *'$'* | *'\'* | *%* | *"'"* | *'
'*) die "PREFIX \"$PREFIX\" holds a character a desktop entry cannot name (\" \` \$ \\ % ' or a newline)" ;;
*/./* | */../* | */. | */.. | *//*) die "PREFIX \"$PREFIX\" must not contain . or .. or //" ;;
esac
ROOT=$DESTDIR$PREFIX
MANIFEST=$ROOT/$MANIFEST_REL

# check_manifest refuses a record that names anything outside the prefix
# (or its parent folders), so uninstall never removes a stranger's file.
check_manifest() {
	while IFS= read -r line; do
		kind=${line%% *}
		path=${line#* }
		case $path in
		*/./* | */../* | */. | */.. | *//*) die "$MANIFEST: bad path \"$path\"" ;;
		esac
		case $kind in
		f)
			case $path in
			"$PREFIX"/*) ;;
			*) die "$MANIFEST: \"$path\" is not under $PREFIX (installed with another PREFIX?)" ;;
			esac
			;;
		d)
			case $PREFIX/ in
			"$path"/*) ;; # a parent folder of the prefix, or the prefix itself
			*)
				case $path in
				"$PREFIX"/*) ;;
				*) die "$MANIFEST: folder \"$path\" is not under $PREFIX" ;;
				esac
				;;
			esac
			;;
		*) die "$MANIFEST: bad line \"$line\"" ;;
		esac
	done <"$1"
}

# make_dirs creates the folder $1 (a path on the target system) and each
# missing parent, recording in $RECORD the ones it created. DESTDIR
# itself is made when missing, but is not the target system's: not
# recorded.
make_dirs() {
	if [ -n "$DESTDIR" ] && [ ! -d "$DESTDIR" ]; then
		mkdir -p "$DESTDIR" || die "cannot create DESTDIR $DESTDIR"
	fi
	missing=
	dir=$1
	while [ "$dir" != / ] && [ ! -d "$DESTDIR$dir" ]; do
		missing="$dir
$missing"
		dir=$(dirname "$dir")
	done
	while IFS= read -r dir; do
		[ -n "$dir" ] || continue
		mkdir "$DESTDIR$dir" || die "cannot create $DESTDIR$dir"
		echo "d $dir" >>"$RECORD"
	done <<EOF_DIRS
$missing
EOF_DIRS
}

# desktop_exec is the installed binary as a desktop entry's Exec= names
# it: quoted when it holds a space or another reserved character.
desktop_exec() {
	case $1 in
	*[!A-Za-z0-9/._+-]*) printf '"%s"' "$1" ;;
	*) printf '%s' "$1" ;;
	esac
}

# install_file copies the staged file $1 (relative to the stage) to the
# target, through a temporary name so a running binary is replaced, not
# overwritten.
install_file() {
	rel=$1
	dst=$DESTDIR$PREFIX/$rel
	make_dirs "$(dirname "$PREFIX/$rel")"
	tmp=$dst.new-$$
	if [ "$rel" = "$DESKTOP_FILE" ]; then
		bin=$PREFIX/bin/newsroom
		exec_bin=$(desktop_exec "$bin")
		while IFS= read -r line; do
			case $line in
			"Exec=$STAGED_PREFIX/bin/newsroom"*) printf 'Exec=%s%s\n' "$exec_bin" "${line#"Exec=$STAGED_PREFIX/bin/newsroom"}" ;;
			"TryExec=$STAGED_PREFIX/bin/newsroom") printf 'TryExec=%s\n' "$bin" ;;
			*) printf '%s\n' "$line" ;;
			esac
		done <"$STAGE/$rel" >"$tmp"
	else
		cp "$STAGE/$rel" "$tmp"
	fi
	case $rel in
	bin/*) chmod 0755 "$tmp" ;;
	*) chmod 0644 "$tmp" ;;
	esac
	mv -f "$tmp" "$dst"
	echo "f $PREFIX/$rel" >>"$RECORD"
	echo "installed $dst"
}

# refresh_caches updates the desktop's caches of applications and icons
# under PREFIX, but only those that already exist: the install never
# leaves a file it does not list.
refresh_caches() {
	[ -z "$DESTDIR" ] || return 0
	if [ -f "$PREFIX/share/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$PREFIX/share/applications" || true
	fi
	if [ -f "$PREFIX/share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
		gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
	fi
}

do_install() {
	STAGE=${1:?usage: install.sh install STAGE}
	[ -x "$STAGE/bin/newsroom" ] || die "$STAGE/bin/newsroom: no binary to install"
	[ -f "$STAGE/$DESKTOP_FILE" ] || die "$STAGE/$DESKTOP_FILE: no desktop entry to install"
	RECORD=$(mktemp)
	trap 'rm -f "$RECORD" "$RECORD.files"' EXIT
	# Installing again (an upgrade) keeps what the last install recorded.
	if [ -f "$MANIFEST" ]; then
		check_manifest "$MANIFEST"
		cat "$MANIFEST" >>"$RECORD"
	fi
	make_dirs "$PREFIX"
	(cd "$STAGE" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$RECORD.files"
	while IFS= read -r rel; do
		install_file "$rel"
	done <"$RECORD.files"
	rm -f "$RECORD.files"
	make_dirs "$(dirname "$PREFIX/$MANIFEST_REL")"
	LC_ALL=C sort -u "$RECORD" >"$MANIFEST.new-$$"
	chmod 0644 "$MANIFEST.new-$$"
	mv -f "$MANIFEST.new-$$" "$MANIFEST"
	echo "recorded $MANIFEST"
	refresh_caches
}

do_uninstall() {
	[ -f "$MANIFEST" ] || die "nothing to uninstall: no $MANIFEST (installed with another PREFIX or DESTDIR?)"
	check_manifest "$MANIFEST"
	grep '^f ' "$MANIFEST" | cut -c3- | while IFS= read -r path; do
		if [ -f "$DESTDIR$path" ] || [ -L "$DESTDIR$path" ]; then
			rm -f "$DESTDIR$path"
			echo "removed $DESTDIR$path"
		fi
	done
	dirs=$(grep '^d ' "$MANIFEST" | cut -c3- | LC_ALL=C sort -r)
	rm -f "$MANIFEST"
	echo "removed $MANIFEST"
	# Deepest first (reverse order puts a folder after everything in it);
	# a folder that holds something else now stays.
	printf '%s\n' "$dirs" | while IFS= read -r path; do
		[ -n "$path" ] && [ -d "$DESTDIR$path" ] || continue
		if rmdir "$DESTDIR$path" 2>/dev/null; then
			echo "removed $DESTDIR$path/"
		else
			echo "kept $DESTDIR$path/ (not empty)"
		fi
	done
	refresh_caches
}

case ${1:-} in
install)
	shift
	do_install "$@"
	;;
uninstall) do_uninstall ;;
*) die "usage: install.sh install STAGE | install.sh uninstall (PREFIX=…, DESTDIR=… in the environment)" ;;
esac
