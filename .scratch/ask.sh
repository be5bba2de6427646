#!/bin/bash
# usage: ask.sh DIR question...
dir=$1; shift
for q in "$@"; do echo "### $q"; npx tsx src/cli.ts ask --now 2025-11-28T12:00:00Z --briefings $dir "$q" 2>&1 | head -${LINES_MAX:-12}; done
