// Deliberate layering violation (kept as a fixture): core code importing outer layers.
// test/unit/layering.test.ts proves that lint refuses it when it sits in core/.
import { app } from 'electron';
import { useState } from 'react';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'path';

export const all = [app, useState, Dexie, readFileSync, join];
