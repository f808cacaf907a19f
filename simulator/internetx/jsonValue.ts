/**
 * A JSON object as the simulator's model, views and protocols pass it around: the simulator answers what the
 * published examples show, field by field, so its records are open-ended rather than typed per object.
 */

export type Json = Record<string, any>;
