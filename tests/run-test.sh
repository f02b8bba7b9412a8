#!/bin/sh
# run-test.sh: runs one GTest binary so that it speaks TAP to automake.
exec "$@" --tap -k
