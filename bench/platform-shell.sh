#!/bin/sh
# The zone platform done by hand, with util-linux as the notes on these
# machines describe it: the baseline the platform layer is measured
# against. Run as root.
#
#   platform-shell.sh ready RUNDIR ZONEROOT HOSTNAME CGROUP
#   platform-shell.sh boot  RUNDIR CGROUP     (runs the shell as init; put it on a pty)
#   platform-shell.sh halt  RUNDIR CGROUP
#
# RUNDIR is created and removed; CGROUP is a directory to create in the
# unified cgroup tree, as the platform creates one for every zone.
set -e
verb=$1
run=$2

case $verb in
ready)
	root=$3 name=$4 cgroup=$5
	mkdir -p -m 0700 "$run/ns"
	for ns in mnt uts ipc net; do : > "$run/ns/$ns"; done
	mount --bind "$run/ns" "$run/ns"
	mount --make-private "$run/ns"
	mkdir -p "$cgroup"
	unshare --mount="$run/ns/mnt" --uts="$run/ns/uts" --ipc="$run/ns/ipc" \
		--net="$run/ns/net" --propagation private sh -e -c '
		root=$1 name=$2
		mount --bind "$root" "$root"
		mount --bind -o ro,nosuid,nodev /usr "$root/usr"
		mount -t tmpfs -o mode=755,size=1m,nosuid,noexec dev "$root/dev"
		mknod -m 666 "$root/dev/null" c 1 3
		mknod -m 666 "$root/dev/zero" c 1 5
		mknod -m 666 "$root/dev/full" c 1 7
		mknod -m 666 "$root/dev/random" c 1 8
		mknod -m 666 "$root/dev/urandom" c 1 9
		mknod -m 666 "$root/dev/tty" c 5 0
		ln -s pts/ptmx "$root/dev/ptmx"
		mkdir "$root/dev/pts" "$root/dev/shm"
		mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
		mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
		mount -t tmpfs -o mode=755,nosuid,nodev run "$root/run"
		mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
		hostname "$name"
		ip link set lo up
		mount -t proc proc "$root/proc"
		mkdir "$root/run/.oldroot"
		cd "$root"
		pivot_root . run/.oldroot
		umount -l /run/.oldroot
		rmdir /run/.oldroot
		umount /proc
	' sh "$root" "$name"
	;;
boot)
	echo $$ > "$3/cgroup.procs"
	exec nsenter --mount="$run/ns/mnt" --uts="$run/ns/uts" --ipc="$run/ns/ipc" \
		--net="$run/ns/net" -- unshare --pid --fork --mount-proc \
		setsid -c env -i HOME=/root TERM=xterm-256color PATH=/usr/sbin:/usr/bin \
		bash -i
	;;
halt)
	cgroup=$3
	echo 1 > "$cgroup/cgroup.kill"
	while ! rmdir "$cgroup" 2>/dev/null; do :; done
	umount "$run/ns/mnt" "$run/ns/uts" "$run/ns/ipc" "$run/ns/net"
	umount "$run/ns"
	rm -rf "$run"
	;;
esac
